import type { TSchema } from '@sinclair/typebox'
import type { TypeRoot } from './plan-type-names.js'
import { schemaChildren } from './schema-children.js'
import { isQueryFilter, isRecursive, schemaKind } from './schema-reflect.js'
import { createRunMemo, createSchemaMemo } from '../memo/schema-memo.js'

// Facts of a schema object alone, so they are kept for as long as the object lives.
const refsByRoot = createRunMemo<readonly string[]>()
const hoistable = createSchemaMemo<true>()

/** True for a schema the name planner may declare on its own: recursive, with an `$id`, or a query filter. */
const mayBeHoisted = (schema: TSchema): boolean => isRecursive(schema) || typeof schema.$id === 'string' || isQueryFilter(schema)

/**
 * Walks a root once: its `Type.Ref` targets, and marks each node that is or holds one the planner
 * may hoist. A root studied before (a named schema nested in this one) is not walked again.
 */
function study(root: TSchema): readonly string[] {
  const refs = new Set<string>()
  const seen = new Map<TSchema, boolean>()
  const visit = (schema: TSchema): boolean => {
    const known = seen.get(schema)
    if (known !== undefined) return known
    const studied = schema === root ? undefined : refsByRoot.get(schema)
    if (studied !== undefined) {
      for (const id of studied) refs.add(id)
      seen.set(schema, holdsHoistable(schema))
      return holdsHoistable(schema)
    }
    seen.set(schema, false)
    if (schemaKind(schema) === 'Ref' && typeof schema['$ref'] === 'string') refs.add(schema['$ref'])
    let holds = mayBeHoisted(schema)
    for (const child of schemaChildren(schema)) holds = visit(child.schema) || holds
    seen.set(schema, holds)
    if (holds) hoistable.set(schema, true)
    return holds
  }
  visit(root)
  return [...refs]
}

/** Every `$ref` of a `Type.Ref` inside the roots (not a recursive `This`); studies each root once. */
export function referencedIds(roots: readonly TypeRoot[]): Set<string> {
  const ids = new Set<string>()
  for (const { schema } of roots) {
    for (const id of refsByRoot.use(schema, study)) ids.add(id)
  }
  return ids
}

/**
 * False for a schema (inside a root given to `referencedIds`) with nothing the planner could hoist
 * in it: walking it can change nothing, whatever is named.
 */
export function holdsHoistable(schema: TSchema): boolean {
  return hoistable.get(schema) === true
}
