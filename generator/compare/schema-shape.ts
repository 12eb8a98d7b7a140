import type { TSchema } from '@sinclair/typebox'
import type { GenModel } from '../model/model.js'

// The comparison reads schemas as JSON Schema keywords only (no TypeBox symbols): what crosses
// the socket is what the keywords say, and a move to TypeBox 1.x changes nothing here.

/** A schema as a plain keyword record. */
export type Shape = Record<string, unknown>

/** What kind of value a schema admits, for deciding how two schemas compare. */
export type ShapeKind = 'any' | 'never' | 'const' | 'union' | 'intersect' | 'not' | 'type'

/** Follows `$ref`s (`Type.Ref`, a recursive `This`) to the schema with that `$id`. */
export type Resolver = (schema: Shape) => Shape

const isRecord = (value: unknown): value is Shape => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every `$id` in a model's schemas, so `$ref`s can be followed; renaming an export changes nothing. */
export function createResolver(model: GenModel): Resolver {
  const ids = new Map<string, Shape>()
  const seen = new Set<unknown>()
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return
    seen.add(value)
    if (isRecord(value) && typeof value['$id'] === 'string' && !ids.has(value['$id'])) ids.set(value['$id'], value)
    for (const child of Object.values(value)) walk(child)
  }
  const roots: TSchema[] = [
    ...model.schemas.map((named) => named.schema),
    ...(model.connection === undefined ? [] : [model.connection.schema]),
    ...model.services.flatMap((s) => [s.id, s.result, s.query, ...(s.data ? [s.data] : []), ...(s.patch ? [s.patch] : []),
      ...s.custom.flatMap((m) => [m.data, m.result]), ...s.events.map((e) => e.schema)]),
  ]
  roots.forEach(walk)
  return (schema) => {
    let current = schema
    for (let hops = 0; typeof current['$ref'] === 'string' && hops < 32; hops += 1) {
      const target = ids.get(current['$ref'])
      if (target === undefined) break
      current = target
    }
    return current
  }
}

/** The kind of a resolved schema. */
export function shapeKind(schema: Shape): ShapeKind {
  if (Array.isArray(schema['anyOf']) || Array.isArray(schema['oneOf']) || Array.isArray(schema['enum'])) return 'union'
  if ('const' in schema) return 'const'
  if (Array.isArray(schema['allOf'])) return 'intersect'
  if (isRecord(schema['not'])) return Object.keys(schema['not']).length === 0 ? 'never' : 'not'
  if (typeof schema['type'] === 'string') return 'type'
  return 'any'
}

/** The alternatives a schema admits: union members (flattened) and enum values, or itself. */
export function branchesOf(schema: Shape, resolve: Resolver): Shape[] {
  const list = (schema['anyOf'] ?? schema['oneOf']) as unknown
  if (Array.isArray(list)) return list.flatMap((member) => branchesOf(resolve(member as Shape), resolve))
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((value) => ({ const: value }))
  return [schema]
}

/** `integer` counts as a kind of `number`; the JSON type of a literal. */
export function baseType(schema: Shape): string {
  if ('const' in schema) {
    const value = schema['const']
    return value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value
  }
  const type = schema['type']
  return type === 'integer' ? 'number' : typeof type === 'string' ? type : shapeKind(schema)
}

/** A short description of a schema for messages: `"admin"`, `string`, `object`, `null`. */
export function describeShape(schema: Shape): string {
  if ('const' in schema) return JSON.stringify(schema['const'])
  return typeof schema['type'] === 'string' ? schema['type'] : shapeKind(schema)
}

/** The record of a keyword whose value is a map of schemas (`properties`), or an empty one. */
export function schemaMap(schema: Shape, key: string): Record<string, Shape> {
  const value = schema[key]
  return isRecord(value) ? (value as Record<string, Shape>) : {}
}

/** `path.key`, or `key` at the top. */
export function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}
