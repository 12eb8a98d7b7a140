import type { TSchema } from '@sinclair/typebox'
import type { CodeUnit } from './code-unit.js'
import { schemaKind } from './schema-reflect.js'
import { memoize } from './emit-cache.js'
import { memoByStructure } from './structure-memo.js'
import { declareCheck } from './validator-code.js'

// The check a cleaned value must pass before it leaves the server (`failClosed`): the schema's
// SHAPE. Every value of its declared type, literal or enum member, template, union variant, tuple
// or array length, nested required properties present. Not checked again: undeclared properties
// (cleaners copy declared ones only, so the key scans of `additionalProperties: false` go), the
// service's own string formats, patterns, lengths and number bounds (`validateResults` checks
// those), and the record's own required properties (a query's `$select` leaves them out).
// Measured on the bench's 10-property record, the full check made cleaning ~10× slower (+2.3 µs
// a record, about a tenth of a Socket.io call at 64 in flight); this one adds ~0.06–0.1 µs.

type Node = Record<PropertyKey, unknown>

/** Keywords whose check is left to `validateResults`, on any node. */
const VALUE_KEYWORDS = ['format', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'uniqueItems']

const states = new WeakMap<CodeUnit, { memo: Map<object, unknown>; references: TSchema[] }>()

/** A copy of `node` (TypeBox's symbols kept, `$id`/`$ref` too) without the keywords above. */
export function shapeOf(node: unknown, memo: Map<object, unknown>): unknown {
  if (typeof node !== 'object' || node === null) return node
  // Relaxing what a `Not` excludes would exclude more: a valid value could be refused.
  if (schemaKind(node as TSchema) === 'Not') return node
  const known = memo.get(node)
  if (known !== undefined) return known
  const out: Node = Array.isArray(node) ? ([] as unknown as Node) : {}
  memo.set(node, out)
  for (const key of Reflect.ownKeys(node)) out[key] = shapeOf((node as Node)[key], memo)
  if (Array.isArray(node)) return out
  for (const keyword of VALUE_KEYWORDS) delete out[keyword]
  // A string's pattern is a value constraint; a template literal's is its type.
  if (schemaKind(out as unknown as TSchema) === 'String') delete out['pattern']
  if (out['additionalProperties'] === false) delete out['additionalProperties']
  if (out['unevaluatedProperties'] === false) delete out['unevaluatedProperties']
  return out
}

/** True when something inside `node` refers to `id` (a recursive schema's root). */
function refersTo(node: unknown, id: string, seen = new Set<unknown>()): boolean {
  if (typeof node !== 'object' || node === null || seen.has(node)) return false
  seen.add(node)
  if ((node as Node)['$ref'] === id) return true
  return Object.values(node).some((inner) => refersTo(inner, id, seen))
}

/**
 * `shape` (a `shapeOf` copy) for a whole record: its own properties all optional, since a query's
 * `$select` leaves fields out of what a service returns and the cleaner cannot see the query.
 * Nested objects stay complete. A `$ref` is followed (into `references`); the copy drops `$id`.
 * A recursive root stays as it is: its inner `This` needs the root's own `$id`.
 */
function recordShape(shape: TSchema, references: ReadonlyMap<string, TSchema>, seen = new Set<unknown>()): TSchema {
  const node = shape as unknown as Node
  const kind = schemaKind(shape)
  if ((kind === 'Ref' || kind === 'This') && !seen.has(node['$ref'])) {
    seen.add(node['$ref'])
    const target = references.get(String(node['$ref']))
    return target === undefined ? shape : recordShape(target, references, seen)
  }
  if (kind !== 'Object' && kind !== 'Intersect') return shape
  if (typeof node['$id'] === 'string' && refersTo(node, node['$id'])) return shape
  const out: Node = {}
  for (const key of Reflect.ownKeys(node)) if (key !== 'required' && key !== '$id') out[key] = node[key]
  if (kind === 'Intersect' && Array.isArray(node['allOf'])) out['allOf'] = (node['allOf'] as TSchema[]).map((part) => recordShape(part, references, seen))
  return out as unknown as TSchema
}

/** The shape schema `failClosed` checks a cleaned `schema` by, and the references it resolves against. */
export function cleanedShape(schema: TSchema, references: readonly TSchema[], memo: Map<object, unknown>): { schema: TSchema; references: TSchema[] } {
  const shapes = references.map((reference) => shapeOf(reference, memo) as TSchema)
  const byId = new Map(shapes.filter((shape) => typeof shape.$id === 'string').map((shape) => [shape.$id!, shape]))
  return { schema: recordShape(shapeOf(schema, memo) as TSchema, byId), references: shapes }
}

/** The name of the shape check of `schema`, emitted into `unit` once. */
export function shapeCheckFor(unit: CodeUnit, schema: TSchema): string {
  return memoize(unit, 'shape', schema, () => memoByStructure(unit, 'shape', schema, () => {
    let state = states.get(unit)
    if (state === undefined) {
      state = { memo: new Map<object, unknown>(), references: [...unit.references.values()] }
      states.set(unit, state)
    }
    const shape = cleanedShape(schema, state.references, state.memo)
    return declareCheck(unit, shape.schema, shape.references)
  }, true))
}
