import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'

/**
 * A socket.io-client socket to `url` over WebSocket, connected (rejects after 5 s otherwise).
 * Reconnection is off so a closed server never leaves a socket retrying after a test.
 */
export async function connectSocket(url: string, options: { auth?: Record<string, unknown> } = {}): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { socket.close(); reject(new Error(`no connection to ${url} within 5 s`)) }, 5000)
    socket.once('connect', () => { clearTimeout(timer); resolve() })
    socket.once('connect_error', (error) => { clearTimeout(timer); socket.close(); reject(error) })
  })
  return socket
}

/** A promise of the next `count` payloads `subscribe` delivers; rejects after `ms` without them. */
export function nextEvents<T>(subscribe: (listener: (payload: T) => void) => () => void, count = 1, ms = 3000): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const seen: T[] = []
    const timer = setTimeout(() => { unsubscribe(); reject(new Error(`expected ${count} event(s) within ${ms} ms, got ${seen.length}`)) }, ms)
    const unsubscribe = subscribe((payload) => {
      seen.push(payload)
      if (seen.length === count) { clearTimeout(timer); unsubscribe(); resolve(seen) }
    })
  })
}
