import { BadRequest } from '@feathersjs/errors'
import { pointer } from './failure-helpers.js'
import type { ValidationFailure } from './validator.js'

/** Keys that reach or replace an object's prototype when code assigns or merges them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Nesting deeper than this is refused before any validator or merge walks it. */
export const MAX_DEPTH = 64

/** A problem found at or below an object: the keys leading to it (innermost first) and what it is. */
interface Found {
  keys: string[]
  message: string
}

/**
 * The walk of findPrototypeHazard. Recursive, but never deeper than MAX_DEPTH + 1 frames, so a
 * hostile nesting depth cannot overflow the stack; it allocates nothing unless it finds a problem
 * (it runs on every call: garbage is time).
 */
function inspect(current: object, depth: number): Found | undefined {
  if (depth > MAX_DEPTH) return { keys: [], message: `Nested deeper than ${MAX_DEPTH} levels` }
  const proto: unknown = Object.getPrototypeOf(current)
  if (proto === Array.prototype) {
    const array = current as unknown[]
    // JSON gives an array no other own keys; one made in code with a forbidden key is caught too.
    const own = Object.hasOwn(array, '__proto__') ? '__proto__' : Object.hasOwn(array, 'constructor') ? 'constructor'
      : Object.hasOwn(array, 'prototype') ? 'prototype' : undefined
    if (own !== undefined) return { keys: [own], message: `Forbidden key '${own}'` }
    for (let index = 0; index < array.length; index++) {
      const child = array[index]
      if (child === null || typeof child !== 'object') continue
      const found = inspect(child, depth + 1)
      if (found !== undefined) {
        found.keys.push(String(index))
        return found
      }
    }
    return undefined
  }
  if (proto !== Object.prototype && proto !== null) return { keys: [], message: 'Unexpected prototype' }
  // for…in sees every enumerable own key (all JSON gives, all a merge copies), `__proto__` included.
  for (const key in current) {
    if (FORBIDDEN_KEYS.has(key)) return { keys: [key], message: `Forbidden key '${key}'` }
    const child: unknown = (current as Record<string, unknown>)[key]
    if (child === null || typeof child !== 'object') continue
    const found = inspect(child, depth + 1)
    if (found !== undefined) {
      found.keys.push(key)
      return found
    }
  }
  return undefined
}

/**
 * The first problem that makes `value` unsafe to merge, or undefined: an own key `__proto__`,
 * `constructor` or `prototype` at any depth (JSON.parse, and so socket.io's parser, creates
 * `__proto__` as an own property), an object whose prototype was already swapped (what
 * `Object.assign({}, { ['__proto__']: … })` does to Feathers' query), or nesting past MAX_DEPTH.
 * The failure's path is a JSON pointer below `base`.
 */
export function findPrototypeHazard(value: unknown, base = ''): ValidationFailure | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const found = inspect(value, 0)
  if (found === undefined) return undefined
  return { path: base + found.keys.reverse().map((key) => `/${pointer(key)}`).join(''), message: found.message }
}

/** The `socket.feathers` objects of sockets whose every call `answerEveryCall` guarded on arrival. */
const guardedConnections = new WeakSet<object>()

/** Records that the transport guards each call made over `connection` before Feathers sees it. */
export function markGuardedConnection(connection: object): void {
  guardedConnections.add(connection)
}

/**
 * True when a call's arguments were already guarded by the transport (a Socket.io call through
 * this package's `socketio()`), so the service hook need not walk them a second time.
 */
export function guardedAtTransport(params: { provider?: unknown; connection?: unknown }): boolean {
  const { connection } = params
  return params.provider === 'socketio' && typeof connection === 'object' && connection !== null && guardedConnections.has(connection)
}

/** Throws `BadRequest` when a call's id, data or query holds a prototype hazard (one walk of each). */
export function guardCall(context: { id?: unknown; data?: unknown; params: { query?: unknown } }): void {
  const failure = findPrototypeHazard(context.id, '/id') ?? findPrototypeHazard(context.data, '/data')
    ?? findPrototypeHazard(context.params.query, '/query')
  if (failure !== undefined) throw new BadRequest('Invalid input: forbidden key or prototype', { errors: [failure] })
}

/**
 * Throws `BadRequest` when a part of a call (`{ id, data, query }`) holds a prototype hazard;
 * the failure's path is a JSON pointer into that object (`/query/__proto__`).
 */
export function guardPrototypeKeys(parts: Readonly<Record<string, unknown>>): void {
  for (const name of Object.keys(parts)) {
    const failure = findPrototypeHazard(parts[name], `/${name}`)
    if (failure !== undefined) throw new BadRequest('Invalid input: forbidden key or prototype', { errors: [failure] })
  }
}
