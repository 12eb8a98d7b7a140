/// <reference types="@feathersjs/socketio" preserve="true" />
// The reference keeps `@feathersjs/socketio`'s augmentation of Application (`app.listen`, `app.io`)
// in our declarations, so users who import only feathers-sio-gen/server still get those types.
import feathersSocketio from '@feathersjs/socketio'
import type { Application } from '@feathersjs/feathers'
import type { Server, ServerOptions } from 'socket.io'
import { installAnswerEveryCall } from './answer-every-call.js'

/** Called with the Socket.io server once the app is set up (as in `@feathersjs/socketio`). */
export type SocketioCallback = (this: Application, io: Server) => void

/**
 * `@feathersjs/socketio` with the same four call forms — `socketio()`, `socketio(callback)`,
 * `socketio(options, callback?)`, `socketio(port, options?, callback?)` — plus a middleware that
 * answers every call (see answerEveryCall).
 */
export function socketio(callback?: SocketioCallback): (app: Application) => void
export function socketio(options: number | Partial<ServerOptions>, callback?: SocketioCallback): (app: Application) => void
export function socketio(port: number, options?: Partial<ServerOptions>, callback?: SocketioCallback): (app: Application) => void
export function socketio(
  first?: number | Partial<ServerOptions> | SocketioCallback,
  second?: Partial<ServerOptions> | SocketioCallback,
  third?: SocketioCallback,
): (app: Application) => void {
  // The same normalisation as @feathersjs/socketio, so each form means what it means there.
  const port = typeof first === 'number' ? first : undefined
  const rest = typeof first === 'number' ? [second, third] : [first, second]
  const options = typeof rest[0] === 'object' ? rest[0] : {}
  const callback = typeof rest[0] === 'function' ? rest[0] : typeof rest[1] === 'function' ? rest[1] : undefined
  return (app) => {
    const configure = function (this: Application, io: Server): void {
      installAnswerEveryCall(app, io)
      if (callback !== undefined) callback.call(this, io)
    }
    app.configure(port === undefined ? feathersSocketio(options, configure) : feathersSocketio(port, options, configure))
  }
}
