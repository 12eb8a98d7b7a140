import { BadRequest } from '@feathersjs/errors'
import { pointer } from './failure-helpers.js'
import type { ValidationFailure } from './validator.js'

/** Keys that reach or replace an object's prototype when code assigns or merges them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Nesting deeper than this is refused before any validator or merge walks it. */
export const MAX_DEPTH = 64

/** One object on the walk's stack; its path is built from the parent chain only on failure. */
interface Frame {
  value: object
  parent: Frame | undefined
  key: string
  depth: number
}

/** The JSON pointer of `frame` (and `key` below it), escaped as RFC 6901 says. */
function pointerOf(base: string, frame: Frame | undefined, key?: string): string {
  const keys: string[] = key === undefined ? [] : [key]
  for (let at = frame; at !== undefined && at.parent !== undefined; at = at.parent) keys.push(at.key)
  return base + keys.reverse().map((k) => `/${pointer(k)}`).join('')
}

/**
 * The first problem that makes `value` unsafe to merge, or undefined: an own key `__proto__`,
 * `constructor` or `prototype` at any depth (JSON.parse, and so socket.io's parser, creates
 * `__proto__` as an own property), an object whose prototype was already swapped (what
 * `Object.assign({}, { ['__proto__']: … })` does to Feathers' query), or nesting past MAX_DEPTH.
 * Iterative, so a hostile nesting depth cannot overflow the stack. It runs on every call, so
 * paths are only built for a failure and primitives never enter the stack.
 */
export function findPrototypeHazard(value: unknown, base = ''): ValidationFailure | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const stack: Frame[] = [{ value, parent: undefined, key: '', depth: 0 }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    const current = frame.value
    if (frame.depth > MAX_DEPTH) return { path: pointerOf(base, frame), message: `Nested deeper than ${MAX_DEPTH} levels` }
    const proto: unknown = Object.getPrototypeOf(current)
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
      return { path: pointerOf(base, frame), message: 'Unexpected prototype' }
    }
    for (const key of Object.getOwnPropertyNames(current)) {
      if (FORBIDDEN_KEYS.has(key)) return { path: pointerOf(base, frame, key), message: `Forbidden key '${key}'` }
      const child = (current as Record<string, unknown>)[key]
      if (child !== null && typeof child === 'object') stack.push({ value: child, parent: frame, key, depth: frame.depth + 1 })
    }
  }
  return undefined
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
