import type { TSchema } from '@sinclair/typebox'
import type { CoercionPlan, CoercionType, ServiceCoercion } from 'feathers-sio-gen-runtime/server'
import type { ServiceModel } from '../model/model.js'

/** Ajv's order of trying conversions; `string` first, since a place that takes strings keeps them. */
const ORDER: readonly CoercionType[] = ['string', 'number', 'integer', 'boolean', 'null']

/** A plan while it is built: mutable, types as a set. */
interface Draft {
  types: Set<CoercionType>
  properties: Map<string, Draft>
  additional: Draft | undefined
  items: Draft | undefined
}

const emptyDraft = (): Draft => ({ types: new Set(), properties: new Map(), additional: undefined, items: undefined })

/** The JSON type of a `const` or `enum` value. */
function typeOfValue(value: unknown): CoercionType | 'object' | 'array' {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value === 'boolean' || typeof value === 'string' ? typeof value as CoercionType : 'object'
}

/**
 * Folds `schema` into `draft`: the union of what every branch accepts at this place. Merging
 * branches instead of trying them one by one (as Ajv's `anyOf` does) keeps the plan small and is
 * the same for the shapes queries have: a value or an object of operators.
 */
function fold(draft: Draft, schema: TSchema, references: ReadonlyMap<string, TSchema>, active: Set<TSchema>): void {
  if (active.has(schema)) return // recursive: a query string never nests that deep in a useful way
  active.add(schema)
  const ref = schema['$ref']
  const target = typeof ref === 'string' ? references.get(ref) : undefined
  if (target !== undefined) fold(draft, target, references, active)
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches: unknown = schema[key]
    if (Array.isArray(branches)) for (const branch of branches as TSchema[]) fold(draft, branch, references, active)
  }
  const declared: unknown = schema.type
  const types: unknown[] = Array.isArray(declared) ? declared : declared === undefined ? [] : [declared]
  if ('const' in schema && declared === undefined) types.push(typeOfValue(schema['const']))
  if (Array.isArray(schema['enum'])) for (const value of schema['enum'] as unknown[]) types.push(typeOfValue(value))
  // No type and no branches (Any, Unknown): any string is fine as it is.
  const open = types.length === 0 && target === undefined && !['anyOf', 'oneOf', 'allOf'].some((key) => Array.isArray(schema[key]))
  if (open && !('not' in schema)) draft.types.add('string')
  for (const type of types) {
    if (type === 'object') foldObject(draft, schema, references, active)
    else if (type === 'array') {
      draft.items ??= emptyDraft()
      if (typeof schema['items'] === 'object' && !Array.isArray(schema['items'])) fold(draft.items, schema['items'] as TSchema, references, active)
      else draft.items.types.add('string') // a tuple: left as parsed
    } else if (ORDER.includes(type as CoercionType)) draft.types.add(type as CoercionType)
  }
  active.delete(schema)
}

/** Properties, `additionalProperties` and `patternProperties` (what `Type.Record` makes) of an object schema. */
function foldObject(draft: Draft, schema: TSchema, references: ReadonlyMap<string, TSchema>, active: Set<TSchema>): void {
  const properties = (schema['properties'] ?? {}) as Record<string, TSchema>
  for (const key of Object.keys(properties)) {
    const inner = draft.properties.get(key) ?? emptyDraft()
    draft.properties.set(key, inner)
    fold(inner, properties[key] as TSchema, references, active)
  }
  const rest: TSchema[] = []
  if (typeof schema['additionalProperties'] === 'object') rest.push(schema['additionalProperties'] as TSchema)
  if (typeof schema['patternProperties'] === 'object') rest.push(...Object.values(schema['patternProperties'] as Record<string, TSchema>))
  for (const inner of rest) {
    draft.additional ??= emptyDraft()
    fold(draft.additional, inner, references, active)
  }
}

/** The finished plan, or undefined when nothing at or below this place needs converting. */
function finish(draft: Draft): CoercionPlan | undefined {
  const plan: { -readonly [K in keyof CoercionPlan]: CoercionPlan[K] } = {}
  const properties: Record<string, CoercionPlan> = {}
  for (const key of [...draft.properties.keys()].sort()) {
    const inner = finish(draft.properties.get(key) as Draft)
    if (inner !== undefined) properties[key] = inner
  }
  if (Object.keys(properties).length > 0) plan.properties = properties
  const additional = draft.additional === undefined ? undefined : finish(draft.additional)
  if (additional !== undefined) plan.additional = additional
  // An array place is kept even when its items need nothing: a single value is wrapped into one.
  if (draft.items !== undefined && !draft.types.has('string')) plan.items = finish(draft.items) ?? {}
  const converts = !draft.types.has('string') && [...draft.types].some((type) => type !== 'string')
  if (converts || (plan.items !== undefined && draft.types.size > 0)) plan.types = ORDER.filter((type) => draft.types.has(type))
  return Object.keys(plan).length > 0 ? plan : undefined
}

/** The plan that converts a string-typed value (REST query or id) to what `schema` declares. */
export function coercionPlan(schema: TSchema, references: ReadonlyMap<string, TSchema>): CoercionPlan | undefined {
  const draft = emptyDraft()
  fold(draft, schema, references, new Set())
  return finish(draft)
}

/** The `coerce` entry of a service's validators: its query's and id's plans, or undefined for none. */
export function serviceCoercion(service: ServiceModel, references: ReadonlyMap<string, TSchema>): ServiceCoercion | undefined {
  const query = coercionPlan(service.query, references)
  const id = coercionPlan(service.id, references)
  const coercion: ServiceCoercion = { ...(query === undefined ? {} : { query }), ...(id === undefined ? {} : { id }) }
  return Object.keys(coercion).length > 0 ? coercion : undefined
}
