import { BadRequest, MethodNotAllowed } from '@feathersjs/errors'
import type { FeathersError } from '@feathersjs/errors'
// A default import: Node cannot see this CommonJS module's re-exported names (getServiceOptions).
import feathersCore from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import type { Server, Socket } from 'socket.io'
import { findPrototypeHazard } from './guard-prototype-keys.js'

const methodCache = new WeakMap<Application, { services: number; methods: Set<string> }>()

/**
 * The method names some registered service offers over a transport. A service's methods never
 * change once it is registered, so the set is rebuilt only when the number of services does.
 */
function knownMethods(app: Application): Set<string> {
  const paths = Object.keys(app.services)
  const cached = methodCache.get(app)
  if (cached !== undefined && cached.services === paths.length) return cached.methods
  const methods = new Set<string>()
  for (const path of paths) {
    for (const method of feathersCore.getServiceOptions(app.service(path)).methods ?? []) methods.add(method)
  }
  methodCache.set(app, { services: paths.length, methods })
  return methods
}

/** Why a packet must not reach Feathers, or undefined when it may. */
function refusal(app: Application, socket: Socket, packet: unknown[]): FeathersError | undefined {
  const [event, path] = packet
  const name = String(event).slice(0, 100)
  // Feathers listens on each socket for the method names its services had when the socket
  // connected; an event nobody listens for would go unanswered (a client waits until its timeout).
  if (socket.listeners(name).length === 0) return new MethodNotAllowed(`Method '${name}' is not known`)
  // An event the application handles itself is none of our business.
  if (!knownMethods(app).has(name)) return undefined
  if (typeof path !== 'string') return new BadRequest('Invalid service path: expected a string')
  const args = typeof packet[packet.length - 1] === 'function' ? packet.slice(2, -1) : packet.slice(2)
  // Checked here, before Feathers merges the query with Object.assign (which turns an own
  // `__proto__` key into the query's prototype).
  const hazard = findPrototypeHazard(args, '/args')
  return hazard === undefined ? undefined : new BadRequest('Invalid input: forbidden key or prototype', { errors: [hazard] })
}

/**
 * Socket.io middleware that makes every call get an answer: a packet naming no known method, a
 * non-string path or an argument holding a prototype hazard is answered with a Feathers error
 * through its ack (when it has one) and never reaches Feathers; nothing here throws.
 */
export function answerEveryCall(app: Application) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    socket.use((packet, proceed) => {
      let error: FeathersError | undefined
      try {
        error = refusal(app, socket, packet)
      } catch {
        error = new BadRequest('Malformed call')
      }
      if (error === undefined) return proceed()
      const ack: unknown = packet[packet.length - 1]
      if (typeof ack === 'function') ack(error.toJSON())
    })
    next()
  }
}

const installed = new WeakSet<Server>()

/** Installs `answerEveryCall` on a Socket.io server once, however often `setup` runs. */
export function installAnswerEveryCall(app: Application, io: Server): void {
  if (installed.has(io)) return
  installed.add(io)
  io.use(answerEveryCall(app))
}
