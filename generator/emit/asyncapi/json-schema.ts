import type { TSchema } from '@sinclair/typebox'
import { schemaKind } from '../schema-reflect.js'

/** A JSON value: what a document holds once TypeBox's symbols are gone. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

/** How nested schemas are written: by name (a `$ref` into components) or inline. */
export interface SchemaNaming {
  /** The component name that stands for this schema wherever it is nested, if any. */
  nameOf(schema: TSchema): string | undefined
  /** The component name a `$ref` (`Type.Ref`, a recursive `This`) points to. */
  refName(ref: string): string | undefined
}

/** `{ $ref: '#/components/schemas/Name' }`. */
export function componentRef(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` }
}

// Keywords whose value is one schema, a list of schemas, or a map of schemas.
const ONE = new Set(['additionalProperties', 'items', 'not', 'contains', 'if', 'then', 'else', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems'])
const LIST = new Set(['anyOf', 'allOf', 'oneOf', 'prefixItems', 'items'])
const MAP = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'])
// TypeBox's `$id`s name schemas for `Type.Ref`; in the document the component name does that,
// and a relative `$id` would change how a parser resolves every `$ref` below it.
const DROPPED = new Set(['$id', '$schema'])

/**
 * A TypeBox schema as plain JSON Schema for an AsyncAPI document: symbols dropped, every nested
 * schema that has a component name written as a `$ref` to it (so shared and recursive schemas
 * appear once), `Type.Ref` and `This` pointing into `components.schemas`. The root itself is
 * written out (it is the component's body).
 */
export function toJsonSchema(root: TSchema, naming: SchemaNaming): Json {
  const nested = (schema: unknown): Json => {
    if (typeof schema === 'boolean') return schema
    const name = naming.nameOf(schema as TSchema)
    return name === undefined ? body(schema as TSchema) : componentRef(name)
  }
  const body = (schema: TSchema): Json => {
    const kind = schemaKind(schema)
    if ((kind === 'Ref' || kind === 'This') && typeof schema['$ref'] === 'string') {
      const name = naming.refName(schema['$ref'])
      // The model rejects a dangling Ref; reaching here with one is a bug, not a user error.
      if (name === undefined) throw new Error(`asyncapi: no component for $ref '${schema['$ref']}'`)
      return withAnnotations(componentRef(name), schema)
    }
    const out: { [key: string]: Json } = {}
    for (const [key, value] of Object.entries(schema)) {
      if (DROPPED.has(key) || value === undefined) continue
      if (LIST.has(key) && Array.isArray(value)) out[key] = value.map(nested)
      else if (ONE.has(key) && (typeof value === 'object' || typeof value === 'boolean') && value !== null) out[key] = nested(value)
      else if (MAP.has(key) && typeof value === 'object' && value !== null) {
        out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, nested(v)]))
      } else out[key] = json(value)
    }
    return out
  }
  return body(root)
}

/** A `$ref` keeps the referring schema's description (JSON Schema 2019+ and AsyncAPI allow siblings). */
function withAnnotations(ref: { $ref: string }, schema: TSchema): Json {
  return typeof schema.description === 'string' ? { ...ref, description: schema.description } : ref
}

/** A plain copy of a keyword's value (`const`, `enum`, `default`, `examples`, numbers, strings). */
function json(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json
}
