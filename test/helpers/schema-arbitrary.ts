import fc from 'fast-check'
import type { Arbitrary } from 'fast-check'
import { Kind } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'

// A fast-check arbitrary of values for a TypeBox schema, for the property-based differential suite.
// It aims at valid values (bounds, patterns, formats, required keys) but promises nothing: the
// suite asks TypeBox's Value.Check which ones are valid. With `dirty`, objects that declare their
// properties (no `additionalProperties: true` or schema) get an undeclared MARKER property, which
// no cleaner may let through.

type S = TSchema & Record<string, unknown>

/** The undeclared property `dirty` values carry. */
export const MARKER = 'leakedSecret'

/** How deep `Ref`/`This` recursion goes before arrays stay empty and optional properties absent. */
const MAX_DEPTH = 3

const json = fc.jsonValue({ maxDepth: 2 })

/** Options of `arbitraryFor`. */
export interface ArbitraryOptions {
  /** `$id` → schema, for `Ref` and `This`. */
  references: ReadonlyMap<string, TSchema>
  /** Add MARKER properties where they are undeclared. */
  dirty: boolean
}

function num(value: unknown): value is number {
  return typeof value === 'number'
}

function formatted(format: string): Arbitrary<string> | undefined {
  const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
  switch (format) {
    case 'email': return fc.emailAddress()
    case 'date-time': return date.map((d) => d.toISOString())
    case 'date': return date.map((d) => d.toISOString().slice(0, 10))
    case 'time': return date.map((d) => d.toISOString().slice(11))
    case 'uuid': return fc.uuid()
    case 'uri': return fc.webUrl()
    case 'ipv4': return fc.ipV4()
    case 'ipv6': return fc.ipV6()
    default: return undefined
  }
}

function matching(pattern: string): Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern), { size: 'xsmall' })
  } catch {
    return fc.string()
  }
}

function stringArbitrary(s: S): Arbitrary<string> {
  const byFormat = typeof s.format === 'string' ? formatted(s.format) : undefined
  if (byFormat !== undefined) return byFormat
  if (typeof s.pattern === 'string') return matching(s.pattern)
  return fc.string({ minLength: num(s.minLength) ? s.minLength : 0, maxLength: num(s.maxLength) ? s.maxLength : 12 })
}

function numberArbitrary(s: S, integer: boolean): Arbitrary<number> {
  const min = num(s.minimum) ? s.minimum : num(s.exclusiveMinimum) ? s.exclusiveMinimum : -1e6
  const max = num(s.maximum) ? s.maximum : num(s.exclusiveMaximum) ? s.exclusiveMaximum : 1e6
  if (num(s.multipleOf)) {
    const step = s.multipleOf
    return fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((k) => k * step)
  }
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
  return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }))
}

/** Merges the values of an intersection's parts (objects key by key, deeply). */
function merge(a: unknown, b: unknown): unknown {
  if (typeof a === 'object' && a !== null && !Array.isArray(a) && typeof b === 'object' && b !== null && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) }
    for (const [key, value] of Object.entries(b)) out[key] = Object.hasOwn(out, key) ? merge(out[key], value) : value
    return out
  }
  return a
}

function objectArbitrary(s: S, options: ArbitraryOptions, depth: number): Arbitrary<unknown> {
  const properties = (s.properties ?? {}) as Record<string, TSchema>
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : [])
  const keys = Object.keys(properties).filter((key) => required.has(key) || depth < MAX_DEPTH)
  const model = Object.fromEntries(keys.map((key) => [key, arbitraryFor(properties[key]!, options, depth)]))
  const base = fc.record(model, { requiredKeys: keys.filter((key) => required.has(key)) }) as Arbitrary<Record<string, unknown>>
  const additional = s.additionalProperties
  const extra = additional === true ? fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 2 })
    : typeof additional === 'object' && additional !== null ? fc.dictionary(fc.string({ maxLength: 6 }), arbitraryFor(additional as TSchema, options, depth), { maxKeys: 2 })
    : options.dirty ? fc.option(json.map((value) => ({ [MARKER]: value })), { nil: {} as Record<string, unknown> })
    : fc.constant({})
  // Declared keys win over generated extras (which are only `additionalProperties` keys).
  return fc.tuple(base, extra).map(([declared, more]) => {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(more)) if (!Object.hasOwn(properties, key) && key !== '__proto__') out[key] = value
    return Object.assign(out, declared)
  })
}

function recordArbitrary(s: S, options: ArbitraryOptions, depth: number): Arbitrary<unknown> {
  const [pattern, valueSchema] = Object.entries((s.patternProperties ?? {}) as Record<string, TSchema>)[0] ?? ['^.*$', undefined]
  const value = valueSchema === undefined ? json : arbitraryFor(valueSchema, options, depth)
  const keys = pattern === '^.*$' ? fc.string({ maxLength: 6 }) : matching(pattern)
  return fc.dictionary(keys.filter((key) => key !== '__proto__'), value, { maxKeys: depth < MAX_DEPTH ? 3 : 0 })
}

function arrayArbitrary(s: S, options: ArbitraryOptions, depth: number): Arbitrary<unknown> {
  const minLength = num(s.minItems) ? s.minItems : 0
  const maxLength = depth >= MAX_DEPTH ? minLength : Math.max(minLength, Math.min(num(s.maxItems) ? s.maxItems : 4, 4))
  if (maxLength === 0) return fc.constant([])
  const items = s.items === undefined ? json : arbitraryFor(s.items as TSchema, options, depth)
  return s.uniqueItems === true
    ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) })
    : fc.array(items, { minLength, maxLength })
}

/** An arbitrary of (mostly) valid values of `schema`; see the module comment. */
export function arbitraryFor(schema: TSchema, options: ArbitraryOptions, depth = 0): Arbitrary<unknown> {
  const s = schema as S
  // A recursion that neither an array nor an optional property ends: give up on validity.
  if (depth > MAX_DEPTH + 3) return json
  switch ((s as Record<PropertyKey, unknown>)[Kind]) {
    case 'Any': case 'Unknown': case 'Not': case 'Never': return json
    case 'Null': return fc.constant(null)
    case 'Boolean': return fc.boolean()
    case 'Literal': return fc.constant(s.const)
    case 'String': return stringArbitrary(s)
    case 'TemplateLiteral': return typeof s.pattern === 'string' ? matching(s.pattern) : fc.string()
    case 'Number': return numberArbitrary(s, false)
    case 'Integer': return numberArbitrary(s, true)
    case 'Object': return objectArbitrary(s, options, depth)
    case 'Record': return recordArbitrary(s, options, depth)
    case 'Array': return arrayArbitrary(s, options, depth)
    case 'Tuple': {
      const items = (Array.isArray(s.items) ? s.items : []) as TSchema[]
      return fc.tuple(...items.map((item) => arbitraryFor(item, options, depth)))
    }
    case 'Union': {
      const variants = (Array.isArray(s.anyOf) ? s.anyOf : []) as TSchema[]
      if (variants.length === 0) return json
      // Deep down, the first variant only: recursive unions (JSON values) put the leaves first.
      return depth >= MAX_DEPTH ? arbitraryFor(variants[0]!, options, depth) : fc.oneof(...variants.map((variant) => arbitraryFor(variant, options, depth)))
    }
    case 'Intersect': {
      const parts = (Array.isArray(s.allOf) ? s.allOf : []) as TSchema[]
      return fc.tuple(...parts.map((part) => arbitraryFor(part, options, depth))).map((values) => values.reduce(merge))
    }
    case 'Ref': case 'This': {
      const target = options.references.get(String(s.$ref))
      return target === undefined ? json : arbitraryFor(target, options, depth + 1)
    }
    default: return json
  }
}

/** `value` with the node at preorder position `at` (modulo the node count) replaced by `by`. */
export function replaceNode(value: unknown, at: number, by: unknown): unknown {
  let count = 0
  const countNodes = (node: unknown): void => {
    count++
    if (typeof node === 'object' && node !== null) for (const inner of Object.values(node)) countNodes(inner)
  }
  countNodes(value)
  let index = at % count
  const walk = (node: unknown): unknown => {
    if (index-- === 0) return by
    if (Array.isArray(node)) return node.map(walk)
    if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, walk(inner)]))
    return node
  }
  return walk(value)
}
