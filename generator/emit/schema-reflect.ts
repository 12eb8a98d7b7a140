import { Hint, Kind, OptionalKind, ReadonlyKind } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { QueryFilterBrand } from '../../runtime/schema/brand.js'

// The only module of the types emitter that reads TypeBox's symbols, so a move to TypeBox 1.x
// changes this file and not the emitters.

type Reflected = TSchema & Record<PropertyKey, unknown>

/** The TypeBox kind of a schema (`Object`, `Union`, `This`, …), or undefined for plain JSON. */
export function schemaKind(schema: TSchema): string | undefined {
  const kind = (schema as Reflected)[Kind]
  return typeof kind === 'string' ? kind : undefined
}

/** True for a schema made by `Type.Recursive`: it carries its own `$id`, which `This` refers to. */
export function isRecursive(schema: TSchema): boolean {
  return (schema as Reflected)[Hint] === 'Recursive' && typeof schema.$id === 'string'
}

/** True when the property is `Type.Optional` (or `ReadonlyOptional`). */
export function isOptional(schema: TSchema): boolean {
  return (schema as Reflected)[OptionalKind] === 'Optional'
}

/** True when the property is `Type.Readonly` (or `ReadonlyOptional`). */
export function isReadonly(schema: TSchema): boolean {
  return (schema as Reflected)[ReadonlyKind] === 'Readonly'
}

/** The keys that make a schema what it is: all own keys but the property modifiers. */
function coreKeys(schema: TSchema): PropertyKey[] {
  return Reflect.ownKeys(schema).filter((key) => key !== OptionalKind && key !== ReadonlyKind)
}

/**
 * True when `a` is `b` or a shallow copy of it that differs only in its property modifiers.
 * `Type.Optional(User)`, `Partial`, `Required` and `Composite` copy a schema this way, and the
 * copy should still be written as `User`.
 */
export function isSameSchema(a: TSchema, b: TSchema): boolean {
  if (a === b) return true
  const keys = coreKeys(a)
  if (keys.length !== coreKeys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && (a as Reflected)[key] === (b as Reflected)[key])
}

/**
 * A value shared by a schema and its modifier copies, to look candidates up in a map: the first
 * object-valued member (`properties`, `items`, `anyOf`, …). A leaf (`Type.String()`) has none, and
 * two equal leaves are no evidence of one being copied from the other, so it is its own key.
 */
export function identityKey(schema: TSchema): unknown {
  for (const key of Object.keys(schema)) {
    const value = (schema as Reflected)[key]
    if (typeof value === 'object' && value !== null) return value
  }
  return schema
}

/** True for the filter object `querySyntax` builds for `$or` and `$and`. */
export function isQueryFilter(schema: TSchema): boolean {
  return (schema as unknown as Record<symbol, unknown>)[QueryFilterBrand] === true
}
