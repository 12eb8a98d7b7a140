import { BadRequest, MethodNotAllowed, TooManyRequests } from '@feathersjs/errors'
import type { FeathersError } from '@feathersjs/errors'
// A default import: Node cannot see this CommonJS module's re-exported names (getServiceOptions).
import feathersCore from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import type { Server, Socket } from 'socket.io'
import { toWireError } from './client-error.js'
import type { ErrorOptions } from './client-error.js'
import { findPrototypeHazard, markGuardedConnection } from './guard-prototype-keys.js'
import { DEFAULT_MAX_PENDING_CALLS, limitPendingCalls } from './limit-pending-calls.js'

/** What `answerEveryCall` (and so `socketio()`) can be told besides the Socket.io options. */
export interface AnswerOptions extends ErrorOptions {
  /** Unanswered calls one connection may have; past it calls get `TooManyRequests` (429). Default 256. */
  maxPendingCalls?: number
}

/**
 * Event names a client must never reach a listener with: socket.io's own (its parser already
 * drops most) and `error`, on which socket.io puts a no-op listener on every socket, so a call
 * named `error` would otherwise look handled and never be answered.
 */
const RESERVED_EVENTS: ReadonlySet<string> = new Set([
  'error', 'connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener',
])

/** Marks an event the application handles itself: it passes untouched. */
const FOREIGN = Symbol('foreign event')

const methodCache = new WeakMap<Application, Set<string>>()

/** The method names some registered service offers over a transport (rebuilt when a service is added). */
function knownMethods(app: Application): Set<string> {
  const cached = methodCache.get(app)
  if (cached !== undefined) return cached
  const methods = new Set<string>()
  for (const path of Object.keys(app.services)) {
    for (const method of feathersCore.getServiceOptions(app.service(path)).methods ?? []) methods.add(method)
  }
  methodCache.set(app, methods)
  return methods
}

/** Why a packet must not reach Feathers, FOREIGN for the app's own events, undefined for a call to run. */
function refusal(app: Application, socket: Socket, packet: unknown[], end: number): FeathersError | typeof FOREIGN | undefined {
  const [event, path] = packet
  const name = typeof event === 'string' ? event : String(event)
  if (RESERVED_EVENTS.has(name)) return new MethodNotAllowed(`'${name.slice(0, 100)}' is a reserved event name`)
  // Feathers listens on each socket for the method names its services had when the socket
  // connected; an event nobody listens for would go unanswered (a client waits until its timeout).
  if (socket.listenerCount(name) === 0) return new MethodNotAllowed(`Method '${name.slice(0, 100)}' is not known`)
  if (!knownMethods(app).has(name)) return FOREIGN
  if (typeof path !== 'string') return new BadRequest('Invalid service path: expected a string')
  // The one guard pass of a socket call (the service hook skips it for this connection), here
  // before Feathers merges the query with Object.assign (which turns an own `__proto__` key into
  // the query's prototype) and before any app hook sees the arguments.
  for (let index = 2; index < end; index++) {
    const hazard = findPrototypeHazard(packet[index])
    if (hazard !== undefined) {
      const failure = { path: `/args/${index - 2}${hazard.path}`, message: hazard.message }
      return new BadRequest('Invalid input: forbidden key or prototype', { errors: [failure] })
    }
  }
  return undefined
}

/**
 * Socket.io middleware that makes every call get an answer (SPEC §4, §8): a packet naming no
 * known method or a reserved event, a non-string path or an argument holding a prototype hazard
 * is answered with a Feathers error through its ack (when it has one) and never reaches Feathers;
 * past `maxPendingCalls` unanswered calls a call is refused with 429; an error answer carries
 * nothing but a Feathers error's fields. Nothing here throws.
 */
export function answerEveryCall(app: Application, options: AnswerOptions = {}) {
  const max = options.maxPendingCalls ?? DEFAULT_MAX_PENDING_CALLS
  // A service added later may bring new method names.
  app.mixins.push(() => { methodCache.delete(app) })
  return (socket: Socket, next: (error?: Error) => void): void => {
    const connection: unknown = (socket as { feathers?: unknown }).feathers
    if (typeof connection === 'object' && connection !== null) markGuardedConnection(connection)
    const pending = limitPendingCalls(socket, max)
    /**
     * The ack Feathers gets: counts the call out and sends only a safe error. Feathers calls it
     * `(null, result)` or `(error)`, and each is passed on with the same arguments.
     */
    const answer = (ack: (...args: unknown[]) => void) => (error: unknown, result?: unknown): void => {
      pending.release()
      if (error === null || error === undefined) ack(error, result)
      else ack(toWireError(error, options))
    }
    const release = (): void => pending.release()
    socket.use((packet, proceed) => {
      const last: unknown = packet[packet.length - 1]
      const ack = typeof last === 'function' ? last as (...args: unknown[]) => void : undefined
      let error: FeathersError | typeof FOREIGN | undefined
      try {
        error = refusal(app, socket, packet, ack === undefined ? packet.length : packet.length - 1)
      } catch {
        error = new BadRequest('Malformed call')
      }
      if (error === FOREIGN) return proceed()
      if (error === undefined) {
        const admission = pending.admit()
        if (admission === 'run') {
          // Without an ack Feathers still runs the call; our function as its callback counts it out.
          if (ack === undefined) packet.push(release)
          else packet[packet.length - 1] = answer(ack)
          return proceed()
        }
        if (admission === 'close') {
          socket.disconnect(true)
          return
        }
        error = new TooManyRequests(`More than ${max} calls unanswered on this connection`)
      }
      if (ack !== undefined) ack(error.toJSON())
    })
    next()
  }
}

const installed = new WeakSet<Server>()

/** Installs `answerEveryCall` on a Socket.io server once, however often `setup` runs. */
export function installAnswerEveryCall(app: Application, io: Server, options: AnswerOptions = {}): void {
  if (installed.has(io)) return
  installed.add(io)
  io.use(answerEveryCall(app, options))
}

const watched = new WeakSet<Application>()

/**
 * Makes `answerEveryCall` part of any Socket.io transport the app has once it is set up, plain
 * `@feathersjs/socketio` included (which creates `app.io` in `setup`, before it listens). What
 * `registerServices` calls; with this package's `socketio()` it was installed already (with its options).
 */
export function answerEveryCallOnSetup(app: Application, options: AnswerOptions = {}): void {
  if (watched.has(app)) return
  watched.add(app)
  const installOn = (target: Application): void => {
    const io: unknown = (target as { io?: unknown }).io
    if (typeof io === 'object' && io !== null && typeof (io as Server).use === 'function') installAnswerEveryCall(target, io as Server, options)
  }
  // Services registered after the app was set up: its Socket.io server exists already.
  installOn(app)
  const setup = app.setup
  app.setup = async function setupAnsweringEveryCall(this: Application, ...args: Parameters<Application['setup']>) {
    const result = await setup.apply(this, args)
    installOn(this)
    return result
  } as Application['setup']
}
