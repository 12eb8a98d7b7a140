import type { TSchema } from '@sinclair/typebox'
import type { CodeUnit } from './code-unit.js'
import { schemaKind } from './schema-reflect.js'
import { checkFor } from './validator-code.js'

// The check a cleaned value must pass before it leaves the server (`failClosed`): the schema's
// SHAPE. Every required property present, every value of its declared type, literal or enum
// member, template, union variant, tuple or array length; what a cleaner cannot make worse is not
// checked again — no undeclared properties (cleaners copy declared ones only, so the key scans of
// `additionalProperties: false` are dropped), and the service's own string formats, patterns,
// lengths and number bounds (the full check of those is `validateResults`). Measured on the
// bench's 10-property record, the full check made cleaning ~10× slower (+2.3 µs a record, about a
// tenth of a whole Socket.io call); this one adds a fraction of that.

type Node = Record<PropertyKey, unknown>

/** Keywords whose check is left to `validateResults`, on any node. */
const VALUE_KEYWORDS = ['format', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'uniqueItems']

interface ShapeState {
  memo: Map<object, unknown>
  references: TSchema[]
}
const states = new WeakMap<CodeUnit, ShapeState>()

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

/** The name of the shape check of `schema`, emitted into `unit` once. */
export function shapeCheckFor(unit: CodeUnit, schema: TSchema): string {
  let state = states.get(unit)
  if (state === undefined) {
    const memo = new Map<object, unknown>()
    state = { memo, references: [...unit.references.values()].map((reference) => shapeOf(reference, memo) as TSchema) }
    states.set(unit, state)
  }
  return checkFor(unit, shapeOf(schema, state.memo) as TSchema, state.references)
}
