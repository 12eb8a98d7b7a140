import { Hint, Kind, OptionalKind, ReadonlyKind } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { QueryFilterBrand } from 'feathers-sio-gen-runtime'

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

// One notion of "the same schema" for the model and the emitters.
export { identityKey, isSameSchema } from '../model/typebox-kind.js'

/** True for the filter object `querySyntax` builds for `$or` and `$and`. */
export function isQueryFilter(schema: TSchema): boolean {
  return (schema as unknown as Record<symbol, unknown>)[QueryFilterBrand] === true
}
