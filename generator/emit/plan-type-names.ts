import type { TSchema } from '@sinclair/typebox'
import { pascalCase } from '../model/pascal-case.js'
import { childSegment, schemaChildren } from './schema-children.js'
import type { SchemaChild } from './schema-children.js'
import { identityKey, isQueryFilter, isRecursive, isSameSchema, schemaKind } from './schema-reflect.js'

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
}

/**
 * Plans the names of `types.ts`. `named` schemas are written by name wherever the very same
 * object (or a copy made by `Optional`, `Partial`, `Composite`, …) appears; the first name wins
 * when one object is exported twice. A recursive schema can only be written through a name, so
 * one that is a root takes the root's name and one nested anonymously is hoisted under its owner's
 * name and property path (`Tree` → `children` → `TreeChildren`), made unique against `taken`.
 * A nested schema that a `Type.Ref` points to by `$id` is hoisted too, named after the `$id`, and
 * so is the filter of a `querySyntax` query (`MessageQuery` → `MessageQueryFilter`).
 * Roots are walked in the given order, so the same input always yields the same names.
 */
export function planTypeNames(named: readonly TypeRoot[], roots: readonly TypeRoot[], taken: Iterable<string>): TypeNamePlan {
  const byKey = new Map<unknown, TypeRoot[]>()
  const byRef = new Map<string, string>()
  const used = new Set(taken)
  const hoisted: TypeRoot[] = []

  const nameOf = (schema: TSchema): string | undefined =>
    byKey.get(identityKey(schema))?.find((entry) => isSameSchema(schema, entry.schema))?.name

  const register = (name: string, schema: TSchema): void => {
    const key = identityKey(schema)
    const list = byKey.get(key)
    if (list === undefined) byKey.set(key, [{ name, schema }])
    else list.push({ name, schema })
    if (typeof schema.$id === 'string' && !byRef.has(schema.$id)) byRef.set(schema.$id, name)
    used.add(name)
  }

  const unique = (base: string): string => {
    if (!used.has(base)) return base
    let counter = 2
    while (used.has(`${base}${counter}`)) counter += 1
    return `${base}${counter}`
  }

  for (const root of named) if (nameOf(root.schema) === undefined) register(root.name, root.schema)
  for (const root of roots) used.add(root.name)
  for (const root of roots) {
    if (isRecursive(root.schema) && nameOf(root.schema) === undefined) register(root.name, root.schema)
  }

  const targets = referencedIds(roots)
  // `path` holds the children from the owner down; a name is only built when one is hoisted.
  const walk = (schema: TSchema, owner: string, path: SchemaChild[], seen: Set<TSchema>): void => {
    for (const child of schemaChildren(schema)) {
      if (seen.has(child.schema) || nameOf(child.schema) !== undefined) continue
      const id = child.schema.$id
      const target = typeof id === 'string' && targets.has(id) && !byRef.has(id)
      // A querySyntax filter sits in both `$or` and `$and`: declared once, it halves a query type.
      const filter = isQueryFilter(child.schema)
      if (isRecursive(child.schema) || target || filter) {
        const name = unique((target ? pascalCase(id) : '') || (filter ? `${owner}Filter` : `${owner}${[...path, child].map(childSegment).join('')}`))
        register(name, child.schema)
        hoisted.push({ name, schema: child.schema })
        walk(child.schema, name, [], new Set([child.schema]))
      } else {
        seen.add(child.schema)
        path.push(child)
        walk(child.schema, owner, path, seen)
        path.pop()
        seen.delete(child.schema)
      }
    }
  }
  const walked = new Set<TSchema>()
  for (const root of roots) {
    if (walked.has(root.schema)) continue
    walked.add(root.schema)
    walk(root.schema, root.name, [], new Set([root.schema]))
  }

  return { nameOf, refName: (ref) => byRef.get(ref), hoisted }
}

/** Every `$ref` of a `Type.Ref` inside the roots (not a recursive `This`). */
function referencedIds(roots: readonly TypeRoot[]): Set<string> {
  const ids = new Set<string>()
  const seen = new Set<TSchema>()
  const visit = (schema: TSchema): void => {
    if (seen.has(schema)) return
    seen.add(schema)
    if (schemaKind(schema) === 'Ref' && typeof schema['$ref'] === 'string') ids.add(schema['$ref'])
    for (const child of schemaChildren(schema)) visit(child.schema)
  }
  for (const root of roots) visit(root.schema)
  return ids
}
