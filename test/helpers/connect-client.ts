import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import socketioClient from '@feathersjs/socketio-client'
import { io } from 'socket.io-client'
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client'

/** A connected socket.io-client socket and an official Feathers client over it. */
export interface ConnectedClient {
  socket: Socket
  client: Application
  /** Registers a remote service with custom methods on `client` (`client.use(path, …, { methods })`). */
  useService(path: string, methods: readonly string[]): void
  close(): void
}

/** Connects to `url` (`http://127.0.0.1:port`, optionally a Socket.io `path`); resolves once connected. */
export async function connectSocket(url: string, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 5000, ...options })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', (error) => { socket.close(); reject(error) })
  })
  return socket
}

/** A connected socket plus `@feathersjs/socketio-client` configured on it (10 s call timeout). */
export async function connectClient(url: string, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<ConnectedClient> {
  const socket = await connectSocket(url, options)
  // The CommonJS module's function is its `default` export when imported from ESM; its types name
  // socket.io-client's CommonJS build, ours its ESM build (the same class at run time).
  const transport = socketioClient.default(socket as never, { timeout: 10_000 })
  const client = feathers().configure(transport)
  const useService = (path: string, methods: readonly string[]) => {
    client.use(path, transport.service(path) as never, { methods: [...methods] })
  }
  return { socket, client, useService, close: () => { socket.close() } }
}

/** Emits a raw packet and waits for its ack (at most `ms`); rejects with the timeout otherwise. */
export function emitWithAck(socket: Socket, ms: number, event: string, ...args: unknown[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    socket.timeout(ms).emit(event, ...args, (error: Error | null, ...response: unknown[]) => {
      if (error !== null) reject(error)
      else resolve(response)
    })
  })
}
