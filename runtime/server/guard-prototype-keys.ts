import { BadRequest } from '@feathersjs/errors'
import type { ValidationFailure } from './validator.js'

/** Keys that reach or replace an object's prototype when code assigns or merges them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Nesting deeper than this is refused before any validator or merge walks it. */
export const MAX_DEPTH = 64

/**
 * The first problem that makes `value` unsafe to merge, or undefined: an own key `__proto__`,
 * `constructor` or `prototype` at any depth (JSON.parse, and so socket.io's parser, creates
 * `__proto__` as an own property), an object whose prototype was already swapped (what
 * `Object.assign({}, { ['__proto__']: … })` does to Feathers' query), or nesting past MAX_DEPTH.
 * Iterative, so a hostile nesting depth cannot overflow the stack.
 */
export function findPrototypeHazard(value: unknown, base = ''): ValidationFailure | undefined {
  const stack: Array<[unknown, string, number]> = [[value, base, 0]]
  while (stack.length > 0) {
    const [current, path, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth > MAX_DEPTH) return { path, message: `Nested deeper than ${MAX_DEPTH} levels` }
    const proto: unknown = Object.getPrototypeOf(current)
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
      return { path, message: 'Unexpected prototype' }
    }
    for (const key of Object.getOwnPropertyNames(current)) {
      if (FORBIDDEN_KEYS.has(key)) return { path: `${path}/${key}`, message: `Forbidden key '${key}'` }
      stack.push([(current as Record<string, unknown>)[key], `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1])
    }
  }
  return undefined
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
