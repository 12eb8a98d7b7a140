import type { TSchema } from '@sinclair/typebox'
import { schemaKind } from './schema-reflect.js'

// TypeBox's compiler inlines a sub-schema at every place it occurs. `querySyntax` puts one filter
// object at the top of a query, in every `$or` item and in both `$and` variants, and one operator
// object per property in the query and in that filter: inlined, a 6-property query check was
// 20 KB on one line, most of validators.ts. The compiler hoists a sub-schema that has an `$id`
// into a local function and calls it wherever the same `$id` comes again, so every object
// sub-schema met more than once (the same object) gets a synthetic `$id` in a copy of the tree.

type Node = Record<PropertyKey, unknown>

/** Object sub-schemas of `schema` that occur more than once (by identity), the root excluded. */
function repeatedObjects(schema: TSchema): Set<object> {
  const seen = new Set<object>()
  const repeated = new Set<object>()
  const visit = (node: unknown, isRoot: boolean): void => {
    if (typeof node !== 'object' || node === null) return
    const kind = schemaKind(node as TSchema)
    // An Import resolves `$defs` by key; its subtree is left as it is.
    if (kind === 'Import') return
    const hoistable = !isRoot && kind === 'Object' && typeof (node as Node)['$id'] !== 'string'
    if (hoistable) {
      // A second visit is a call of the hoisted function: its inside is emitted once.
      if (seen.has(node)) { repeated.add(node); return }
      seen.add(node)
    }
    for (const value of Object.values(node)) visit(value, false)
  }
  visit(schema, true)
  return repeated
}

/** Every `$id` the check of `schema` can meet (`$ref`s followed into `references`), to keep the synthetic ones apart. */
function idsIn(schema: TSchema, references: readonly TSchema[]): string[] {
  const ids: string[] = []
  const seen = new Set<unknown>()
  const stack: unknown[] = [schema]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null || seen.has(node)) continue
    seen.add(node)
    const { $id, $ref } = node as Node
    if (typeof $id === 'string') ids.push($id)
    if (typeof $ref === 'string') stack.push(...references.filter((reference) => reference.$id === $ref))
    stack.push(...Object.values(node))
  }
  return ids
}

/**
 * `schema` with every repeated object sub-schema copied once under a synthetic `$id`, so
 * `TypeCompiler.Code` emits it as one local function; `schema` itself when nothing repeats.
 * Ids are numbered in visiting order, so the same schema always gives the same code.
 */
export function withSharedSubschemas(schema: TSchema, references: readonly TSchema[]): TSchema {
  const repeated = repeatedObjects(schema)
  if (repeated.size === 0) return schema
  const taken = idsIn(schema, references)
  let prefix = 'shared'
  while (taken.some((id) => id.startsWith(prefix))) prefix += 'x'
  // Only nodes on a path to a repeated object are copied; one copy per object.
  const copies = new Map<object, unknown>()
  const needsCopy = new Map<object, boolean>()
  const contains = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return false
    const known = needsCopy.get(node)
    if (known !== undefined) return known
    needsCopy.set(node, false)
    const result = repeated.has(node) || (schemaKind(node as TSchema) !== 'Import' && Object.values(node).some(contains))
    needsCopy.set(node, result)
    return result
  }
  const copy = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null || !contains(node)) return node
    const known = copies.get(node)
    if (known !== undefined) return known
    const out: Node = Array.isArray(node) ? ([] as unknown as Node) : {}
    copies.set(node, out)
    if (repeated.has(node)) out['$id'] = `${prefix}${copies.size - 1}`
    for (const key of Reflect.ownKeys(node)) if (key !== '$id' || !repeated.has(node)) out[key] = copy((node as Node)[key])
    return out
  }
  return copy(schema) as TSchema
}
