import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { feathers } from '@feathersjs/feathers'
import socketioClient from '@feathersjs/socketio-client'
import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import type { Application } from '@feathersjs/feathers'
import { roundTripPayload, roundTripSpec } from './round-trip-spec.js'

// CommonJS: under Node's ESM loader the default import is `module.exports` (typed with `default`).
const configureSocketClient = ((socketioClient as { default?: unknown }).default ?? socketioClient) as (socket: Socket) => (app: Application) => void

/** One connected client: `call` makes one round trip with the payload. */
export interface RoundTripClient {
  call: () => Promise<unknown>
  close: () => void
}

/** Which client talks to which server. */
export type ClientKind = 'ours' | 'feathers' | 'raw'

/** A new socket (never shared: each client is its own connection), WebSocket only, connected. */
async function openSocket(url: string): Promise<Socket> {
  const socket = io(url, { forceNew: true, transports: ['websocket'], reconnection: false })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}

/** Connects a client of `kind` to `url`; `root` holds the generated client for `ours`. */
export async function connectClient(kind: ClientKind, url: string, root: string): Promise<RoundTripClient> {
  const socket = await openSocket(url)
  const close = () => { socket.close() }
  if (kind === 'raw') {
    return {
      call: () => new Promise((resolve, reject) => socket.emit('echo', roundTripPayload, (error: unknown, result: unknown) => error ? reject(error) : resolve(result))),
      close,
    }
  }
  if (kind === 'ours') {
    const { createClient } = await import(pathToFileURL(join(root, 'ours', 'generated', 'client.ts')).href) as { createClient: (socket: Socket) => any }
    const service = createClient(socket).service(roundTripSpec.path)
    return { call: () => service.create(roundTripPayload), close }
  }
  const app = feathers().configure(configureSocketClient(socket))
  const service = app.service(roundTripSpec.path)
  return { call: () => service.create({ ...roundTripPayload }), close }
}
