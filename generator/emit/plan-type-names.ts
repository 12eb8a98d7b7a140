import type { TSchema } from '@sinclair/typebox'
import { hoistWithin } from './hoist-walk.js'
import { referencedIds } from './schema-facts.js'
import { isRecursive } from './schema-reflect.js'
import { TypeNameRegistry } from './type-name-registry.js'

/** A declaration to write: its type name and the schema it stands for. */
export interface TypeRoot {
  name: string
  schema: TSchema
}

/** Which schema objects are written by name instead of inline, decided before any type is written. */
export interface TypeNamePlan {
  /** The name that stands for this schema (or a modifier copy of it) wherever it is nested. */
  nameOf(schema: TSchema): string | undefined
  /** The name a `$ref` (from `Type.Ref` or a recursive `This`) resolves to. */
  refName(ref: string): string | undefined
  /** Anonymous recursive schemas found nested in roots: each needs a declaration of its own. */
  hoisted: TypeRoot[]
  /** The names behind `nameOf` and `refName`, for memoizing what was built from their answers. */
  registry: TypeNameRegistry
}

/**
 * Plans the names of `types.ts`. `named` schemas are written by name wherever the very same
 * object (or a copy made by `Optional`, `Partial`, `Composite`, …) appears; the first name wins
 * when one object is exported twice. A recursive schema can only be written through a name, so
 * one that is a root takes the root's name and one nested anonymously is hoisted under its owner's
 * name and property path (`Tree` → `children` → `TreeChildren`), made unique against `taken`.
 * A nested schema that a `Type.Ref` points to by `$id` is hoisted too, named after the `$id`, and
 * so is the filter of a `querySyntax` query (`MessageQuery` → `MessageQueryFilter`).
 * Roots are walked in the given order, so the same input always yields the same names; a root
 * walked in the last run is not walked again while what that walk read still holds (`hoistWithin`).
 */
export function planTypeNames(named: readonly TypeRoot[], roots: readonly TypeRoot[], taken: Iterable<string>): TypeNamePlan {
  const registry = new TypeNameRegistry(taken)
  const hoisted: TypeRoot[] = []

  for (const root of named) if (registry.nameOf(root.schema) === undefined) registry.register(root.name, root.schema)
  for (const root of roots) registry.take(root.name)
  for (const root of roots) {
    if (isRecursive(root.schema) && registry.nameOf(root.schema) === undefined) registry.register(root.name, root.schema)
  }

  const targets = referencedIds(roots)
  const walked = new Set<TSchema>()
  for (const root of roots) {
    if (walked.has(root.schema)) continue
    walked.add(root.schema)
    hoistWithin(root, registry, targets, hoisted)
  }

  return {
    nameOf: (schema) => registry.nameOf(schema),
    refName: (ref) => registry.refName(ref),
    registry,
    hoisted,
  }
}
