import { Kind } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { MARKER } from './schema-arbitrary.js'

// Comparisons of the property-based cleaning suite (test/property/clean-differential.test.ts).

/**
 * A copy of `schema` (symbols included) whose intersections lose their `Any`, `Unknown` and `Not`
 * parts: what the generated cleaners take an intersection to declare (see the header).
 */
export function declaringOnly(schema: TSchema, memo: Map<object, unknown>): TSchema {
  const copy = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node
    if (memo.has(node)) return memo.get(node)
    const out: Record<PropertyKey, unknown> = Array.isArray(node) ? [] as never : {}
    memo.set(node, out)
    for (const key of Reflect.ownKeys(node)) out[key] = copy((node as Record<PropertyKey, unknown>)[key])
    if (out[Kind] === 'Intersect' && Array.isArray(out.allOf)) {
      out.allOf = (out.allOf as Array<Record<PropertyKey, unknown>>).filter((part) => !['Any', 'Unknown', 'Not'].includes(String(part[Kind])))
    }
    return out
  }
  return copy(schema) as TSchema
}

/** Every defined property and item of `theirs` is in `ours`, equal at the leaves. */
export function covers(ours: unknown, theirs: unknown): boolean {
  if (theirs === undefined) return true
  if (Array.isArray(theirs)) return Array.isArray(ours) && ours.length === theirs.length && theirs.every((item, index) => covers(ours[index], item))
  if (typeof theirs === 'object' && theirs !== null) {
    if (typeof ours !== 'object' || ours === null || Array.isArray(ours)) return false
    return Object.entries(theirs).every(([key, value]) => value === undefined || (Object.hasOwn(ours, key) && covers((ours as Record<string, unknown>)[key], value)))
  }
  return Object.is(ours, theirs)
}

/** `ours` adds nothing to `input`: every property and item it has is in `input`, equal at the leaves. */
export function within(ours: unknown, input: unknown): boolean {
  if (Array.isArray(ours)) return Array.isArray(input) && ours.length <= input.length && ours.every((item, index) => within(item, input[index]))
  if (typeof ours === 'object' && ours !== null) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return false
    return Object.entries(ours).every(([key, value]) => Object.hasOwn(input, key) && within(value, (input as Record<string, unknown>)[key]))
  }
  return Object.is(ours, input)
}

/** `value` without its MARKER properties. */
export function unmarked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unmarked)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== MARKER).map(([key, inner]) => [key, unmarked(inner)]))
}
