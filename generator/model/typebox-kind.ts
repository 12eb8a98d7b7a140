import { Hint, Kind, OptionalKind, ReadonlyKind, TransformKind } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'

// The only module of the model stage that touches TypeBox's symbols, so a move to TypeBox 1.x
// changes one file.

/** True for a TypeBox schema: an object carrying TypeBox's `Kind` symbol. */
export function isSchema(value: unknown): value is TSchema {
  return typeof value === 'object' && value !== null && Kind in value
}

/** The TypeBox kind of a schema (`'Object'`, `'Date'`, …). */
export function kindOf(schema: TSchema): string {
  return String((schema as unknown as Record<symbol, unknown>)[Kind])
}

/** True for a schema wrapped by `Type.Transform(...)`: its decode/encode functions never run over the socket. */
export function isTransform(schema: TSchema): boolean {
  return TransformKind in schema
}

/** True for the root of `Type.Recursive(...)`: its `$id` is what the `This` nodes inside point to. */
export function isRecursive(schema: TSchema): boolean {
  return (schema as unknown as Record<symbol, unknown>)[Hint] === 'Recursive'
}

/**
 * True when `a` is `b`, or a shallow copy differing only in Optional/Readonly: what
 * `Type.Optional(User)` makes, and what the emitters still write as `User`. Leaves (no nested
 * object, like `Type.String()`) count only by identity: two equal leaves are not one schema.
 */
export function isSameSchema(a: TSchema, b: TSchema): boolean {
  if (a === b) return true
  const keys = coreKeys(a)
  if (keys.length !== coreKeys(b).length) return false
  const record = (schema: TSchema) => schema as unknown as Record<PropertyKey, unknown>
  const nested = keys.some((key) => typeof record(a)[key] === 'object' && record(a)[key] !== null)
  return nested && keys.every((key) => Object.hasOwn(b, key) && record(a)[key] === record(b)[key])
}

function coreKeys(schema: TSchema): PropertyKey[] {
  return Reflect.ownKeys(schema).filter((key) => key !== OptionalKind && key !== ReadonlyKind)
}

/**
 * A fast `schemas.some((other) => isSameSchema(schema, other))`. A copy shares its nested objects
 * (properties, items, anyOf …) with its original, so candidates are found by those objects, and
 * only they are compared: the model checks every node of every service against every named schema,
 * which a plain scan makes quadratic (200 services: 27 s).
 */
export function createSameSchemaTest(schemas: Iterable<TSchema>): (schema: TSchema) => boolean {
  const identical = new Set<TSchema>()
  const byNested = new Map<object, TSchema[]>()
  for (const schema of schemas) {
    identical.add(schema)
    for (const value of nestedValues(schema)) {
      const list = byNested.get(value)
      if (list === undefined) byNested.set(value, [schema])
      else list.push(schema)
    }
  }
  return (schema) => {
    if (identical.has(schema)) return true
    const first = nestedValues(schema)[0]
    const candidates = first === undefined ? undefined : byNested.get(first)
    return candidates !== undefined && candidates.some((other) => isSameSchema(schema, other))
  }
}

function nestedValues(schema: TSchema): object[] {
  const record = schema as unknown as Record<PropertyKey, unknown>
  return coreKeys(schema).map((key) => record[key]).filter((value): value is object => typeof value === 'object' && value !== null)
}
