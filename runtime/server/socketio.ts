/// <reference types="@feathersjs/socketio" preserve="true" />
// The reference keeps `@feathersjs/socketio`'s augmentation of Application (`app.listen`, `app.io`)
// in our declarations, so users who import only feathers-sio-gen/server still get those types.
import feathersSocketio from '@feathersjs/socketio'
import type { Application } from '@feathersjs/feathers'
import type { Server, ServerOptions } from 'socket.io'
import { installAnswerEveryCall } from './answer-every-call.js'
import type { AnswerOptions } from './answer-every-call.js'
import { installSafeLookup } from './safe-lookup.js'

/** Called with the Socket.io server once the app is set up (as in `@feathersjs/socketio`). */
export type SocketioCallback = (this: Application, io: Server) => void

/** Socket.io's server options plus ours: `maxPendingCalls`, `exposeErrors`, `logger` (see AnswerOptions). */
export type SocketioOptions = Partial<ServerOptions> & AnswerOptions

/**
 * `@feathersjs/socketio` with the same four call forms — `socketio()`, `socketio(callback)`,
 * `socketio(options, callback?)`, `socketio(port, options?, callback?)` — plus a middleware that
 * answers every call (see answerEveryCall) and a route lookup that `constructor`, `__proto__` …
 * in a path cannot break (see installSafeLookup).
 */
export function socketio(callback?: SocketioCallback): (app: Application) => void
export function socketio(options: number | SocketioOptions, callback?: SocketioCallback): (app: Application) => void
export function socketio(port: number, options?: SocketioOptions, callback?: SocketioCallback): (app: Application) => void
export function socketio(
  first?: number | SocketioOptions | SocketioCallback,
  second?: SocketioOptions | SocketioCallback,
  third?: SocketioCallback,
): (app: Application) => void {
  // The same normalisation as @feathersjs/socketio, so each form means what it means there.
  const port = typeof first === 'number' ? first : undefined
  const rest = typeof first === 'number' ? [second, third] : [first, second]
  const given = typeof rest[0] === 'object' ? rest[0] : {}
  const callback = typeof rest[0] === 'function' ? rest[0] : typeof rest[1] === 'function' ? rest[1] : undefined
  // Ours are taken out, so Socket.io (and engine.io, which passes options on) never sees them.
  const { maxPendingCalls, exposeErrors, logger, ...options } = given
  const answerOptions: AnswerOptions = {
    ...(maxPendingCalls === undefined ? {} : { maxPendingCalls }),
    ...(exposeErrors === undefined ? {} : { exposeErrors }),
    ...(logger === undefined ? {} : { logger }),
  }
  return (app) => {
    const configure = function (this: Application, io: Server): void {
      installAnswerEveryCall(app, io, answerOptions)
      if (callback !== undefined) callback.call(this, io)
    }
    app.configure(port === undefined ? feathersSocketio(options, configure) : feathersSocketio(port, options, configure))
    installSafeLookup(app)
  }
}
