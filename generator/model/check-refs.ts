import type { TSchema } from '@sinclair/typebox'
import type { Where } from './check-json-safe.js'
import type { Diagnostic } from './model.js'
import { kindOf } from './typebox-kind.js'
import { walkSchema } from './walk-schema.js'

/** Every `$id` carried by a schema inside `root` (itself included): what a `Type.Ref` may point to. */
export function collectIds(root: TSchema): string[] {
  const ids: string[] = []
  walkSchema(root, '', ({ schema }) => {
    const id = (schema as { $id?: unknown }).$id
    if (typeof id === 'string') ids.push(id)
  })
  return ids
}

/**
 * Each `Type.Ref` whose target is not among `ids`, and each `This` outside the `Type.Recursive`
 * it belongs to (e.g. after `Type.Partial` of a recursive schema dropped its `$id`).
 */
export function checkRefs(
  root: TSchema, path: string, where: Where, hasId: (id: string) => boolean, skip?: (schema: TSchema) => boolean,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  walkSchema(root, path, ({ schema, path: at, ancestors }) => {
    const ref = (schema as { $ref?: unknown }).$ref
    const kind = kindOf(schema)
    if (kind === 'Ref' && (typeof ref !== 'string' || !hasId(ref))) {
      const target = String(ref)
      diagnostics.push({
        ...where, path: at,
        message: `Type.Ref('${target}') points to no schema: no exported schema has $id '${target}'; `
          + `export the target schema and give it { $id: '${target}' }`,
      })
    }
    if (kind === 'This' && ![...ancestors, schema].some((outer) => (outer as { $id?: unknown }).$id === ref)) {
      diagnostics.push({
        ...where, path: at,
        message: `this recursive reference ('${String(ref)}') is outside its Type.Recursive (Partial, Pick and Omit `
          + 'of a recursive schema drop its $id); declare the derived schema with its own Type.Recursive',
      })
    }
  }, skip)
  return diagnostics
}
