import type { TSchema } from '@sinclair/typebox'
import { pascalCase } from '../model/pascal-case.js'
import { schemaKind } from './schema-reflect.js'

/** A sub-schema whose type appears in its parent's type, with a name segment for hoisting. */
export interface SchemaChild {
  /** PascalCase segment naming where the child sits: a property name, `Item`, `Option1`, … */
  segment: string
  schema: TSchema
}

const asArray = (value: unknown): TSchema[] => (Array.isArray(value) ? (value as TSchema[]) : [])
const asRecord = (value: unknown): Record<string, TSchema> =>
  typeof value === 'object' && value !== null ? (value as Record<string, TSchema>) : {}

/**
 * The sub-schemas that contribute to a schema's static type. `additionalProperties` of an
 * Object and `not` are left out: `Static` ignores them, and so does the emitted type.
 */
export function schemaChildren(schema: TSchema): SchemaChild[] {
  const s = schema as Record<string, unknown>
  switch (schemaKind(schema)) {
    case 'Object':
      return Object.entries(asRecord(s['properties'])).map(([key, child]) => ({ segment: pascalCase(key) || 'Property', schema: child }))
    case 'Record':
      return Object.values(asRecord(s['patternProperties'])).map((child) => ({ segment: 'Value', schema: child }))
    case 'Array':
      return s['items'] === undefined ? [] : [{ segment: 'Item', schema: s['items'] as TSchema }]
    case 'Tuple':
      return asArray(s['items']).map((child, index) => ({ segment: `Item${index}`, schema: child }))
    case 'Union':
      return asArray(s['anyOf']).map((child, index) => ({ segment: `Option${index}`, schema: child }))
    case 'Intersect':
      return asArray(s['allOf']).map((child, index) => ({ segment: `Part${index}`, schema: child }))
    default:
      return []
  }
}
