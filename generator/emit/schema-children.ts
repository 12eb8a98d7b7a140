import type { TSchema } from '@sinclair/typebox'
import { pascalCase } from '../model/pascal-case.js'
import { schemaKind } from './schema-reflect.js'

/** A sub-schema whose type appears in its parent's type, and where it sits. */
export interface SchemaChild {
  schema: TSchema
  /** A property name, or `Item`, `Value`, `Option`, `Part` for the other places. */
  place: string
  /** Position among tuple items, union variants or intersection parts. */
  index: number | undefined
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
  const listed = (place: string, list: TSchema[]) => list.map((child, index) => ({ schema: child, place, index }))
  switch (schemaKind(schema)) {
    case 'Object':
      return Object.entries(asRecord(s['properties'])).map(([key, child]) => ({ schema: child, place: key, index: undefined }))
    case 'Record':
      return Object.values(asRecord(s['patternProperties'])).map((child) => ({ schema: child, place: 'Value', index: undefined }))
    case 'Array':
      return s['items'] === undefined ? [] : [{ schema: s['items'] as TSchema, place: 'Item', index: undefined }]
    case 'Tuple':
      return listed('Item', asArray(s['items']))
    case 'Union':
      return listed('Option', asArray(s['anyOf']))
    case 'Intersect':
      return listed('Part', asArray(s['allOf']))
    default:
      return []
  }
}

/** The PascalCase segment a child adds to a hoisted type's name: `children` → `Children`, `Item0`. */
export function childSegment(child: SchemaChild): string {
  return `${pascalCase(child.place) || 'Property'}${child.index ?? ''}`
}
