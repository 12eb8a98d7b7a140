import { Hint, Kind, OptionalKind, ReadonlyKind, TransformKind } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'

// The only module of the model stage that touches TypeBox's symbols, so a move to TypeBox 1.x
// changes one file.

/** True for a TypeBox schema: an object carrying TypeBox's `Kind` symbol. */
export function isSchema(value: unknown): value is TSchema {
  return typeof value === 'object' && value !== null && Kind in value
}

/**
 * TypeBox 0.25 (what `@feathersjs/typebox` builds on) marks Optional and Readonly with this symbol;
 * 0.34 uses OptionalKind and ReadonlyKind. Both share `Kind`, so a 0.25 schema passes `isSchema`.
 */
const LEGACY_MODIFIER = Symbol.for('TypeBox.Modifier')

/** The TypeBox 0.25 modifier on a schema (`'Optional'`, `'Readonly'`, `'ReadonlyOptional'`), if any. */
export function legacyModifierOf(schema: TSchema): string | undefined {
  const modifier = (schema as unknown as Record<symbol, unknown>)[LEGACY_MODIFIER]
  return modifier === undefined ? undefined : String(modifier)
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
 * A value shared by a schema and its modifier copies, to look candidates up in a map: the first
 * object-valued member (`properties`, `items`, `anyOf`, …). A leaf (`Type.String()`) has none, and
 * two equal leaves are no evidence of one being copied from the other, so it is its own key.
 * The types emitter names schemas through the same key, so what the model skips as "already
 * checked under its name" is exactly what types.ts writes by that name.
 */
export function identityKey(schema: TSchema): unknown {
  for (const key of Object.keys(schema)) {
    const value = (schema as unknown as Record<string, unknown>)[key]
    if (typeof value === 'object' && value !== null) return value
  }
  return schema
}

/**
 * A fast `schemas.some((other) => isSameSchema(schema, other))`: candidates are found by
 * `identityKey` and only they are compared. The model checks every node of every service against
 * every named schema, which a plain scan makes quadratic (200 services: 27 s).
 */
export function createSameSchemaTest(schemas: Iterable<TSchema>): (schema: TSchema) => boolean {
  const byKey = new Map<unknown, TSchema[]>()
  for (const schema of schemas) {
    const key = identityKey(schema)
    const list = byKey.get(key)
    if (list === undefined) byKey.set(key, [schema])
    else list.push(schema)
  }
  return (schema) => byKey.get(identityKey(schema))?.some((other) => isSameSchema(schema, other)) ?? false
}
