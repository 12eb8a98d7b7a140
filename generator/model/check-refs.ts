import type { TSchema } from '@sinclair/typebox'
import type { Where } from './check-json-safe.js'
import type { Diagnostic } from './model.js'
import { kindOf } from './typebox-kind.js'
import { eachSchemaOnce } from './walk-schema.js'
import type { SchemaCheck, Visitor } from './walk-schema.js'

/** Every `$id` carried by a schema inside `root` (itself included): what a `Type.Ref` may point to. */
export function collectIds(root: TSchema): string[] {
  const ids = new Set<string>()
  eachSchemaOnce(root, (schema) => {
    const id = (schema as { $id?: unknown }).$id
    if (typeof id === 'string') ids.add(id)
  })
  return [...ids]
}

/**
 * Each `Type.Ref` whose target no `$id` of the folder names (`hasId`), and each `This` outside
 * the `Type.Recursive` it belongs to (e.g. after `Type.Partial` of a recursive schema dropped its `$id`).
 */
export function refsCheck(where: Where, hasId: (id: string) => boolean): SchemaCheck {
  const diagnostics: Diagnostic[] = []
  const visit: Visitor = ({ schema, path: at, ancestors }) => {
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
  }
  return { visit, diagnostics: () => diagnostics }
}
