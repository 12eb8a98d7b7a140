import type { TSchema } from '@sinclair/typebox'
import type { Where } from './check-json-safe.js'
import { joinPath } from './identifier.js'
import type { Diagnostic } from './model.js'
import { kindOf } from './typebox-kind.js'
import { walkSchema } from './walk-schema.js'

// The keys the server's guard refuses anywhere in an incoming id, data or query (SPEC §4).
const GUARDED = ['__proto__', 'constructor', 'prototype']

/**
 * Properties of an incoming schema (id, data, patch, query, custom data) named `__proto__`,
 * `constructor` or `prototype`: the prototype-pollution guard refuses every call carrying them,
 * so such a property could never be sent. Named sub-schemas are walked too: the role matters here.
 */
export function checkGuardedKeys(root: TSchema, path: string, where: Where): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  walkSchema(root, path, ({ schema, path: at }) => {
    if (kindOf(schema) !== 'Object') return
    const properties = (schema as { properties?: unknown }).properties
    if (typeof properties !== 'object' || properties === null) return
    for (const key of GUARDED.filter((name) => Object.hasOwn(properties, name))) {
      diagnostics.push({
        ...where, path: joinPath(at, key),
        message: `property '${key}' can never be sent: the server refuses ${GUARDED.join(', ')} keys in incoming ids, `
          + 'data and queries (prototype-pollution guard); rename it',
      })
    }
  })
  return diagnostics
}
