import type { TSchema } from '@sinclair/typebox'
import type { ConnectionDeclaration, ServiceDeclaration } from 'feathers-sio-gen-runtime'
import type { Found } from './collect-exports.js'
import { checkGuardedKeys } from './check-guarded-keys.js'
import { checkJsonSafe } from './check-json-safe.js'
import { checkRefs, collectIds } from './check-refs.js'
import { checkTypeboxVersion } from './check-typebox-version.js'
import { joinPath } from './identifier.js'
import { rememberCheck, rememberIds } from './remember-check.js'
import type { Folder } from './remember-check.js'
import type { Diagnostic, NamedSchema } from './model.js'
import { createSameSchemaTest, isSchema } from './typebox-kind.js'

/** A schema to check, with where its problems are reported. */
interface Root {
  schema: TSchema
  file: string
  subject: string | undefined
  path: string
  /** True for a named schema checked under its own name; other roots skip named schemas. */
  own: boolean
  /** True for what a client sends (id, data, patch, query, custom data): the server guards its keys. */
  incoming?: boolean
}

/**
 * Every schema of the directory checked for JSON safety and dangling refs: each named schema
 * under its own name, then each service's and the connection's schemas with named sub-schemas
 * (and their `Type.Optional` copies) skipped, so a problem inside a named schema is reported once;
 * and what clients send checked for keys the server's guard refuses.
 */
export function checkSchemas(
  schemas: readonly NamedSchema[],
  services: readonly Found<ServiceDeclaration>[],
  connections: readonly Found<ConnectionDeclaration>[],
  subjectOf: (service: Found<ServiceDeclaration>) => string,
): Diagnostic[] {
  const named = new Set<TSchema>()
  const roots: Root[] = []
  for (const { name, file, schema } of schemas) {
    if (named.has(schema)) continue
    named.add(schema)
    roots.push({ schema, file, subject: name, path: '', own: true })
  }
  for (const service of services) roots.push(...serviceRoots(service, subjectOf(service)))
  for (const { file, exportName, value } of connections) {
    const schema: unknown = value.schema
    if (isSchema(schema)) roots.push({ schema, file, subject: exportName, path: '', own: false })
  }
  const ids = new Set(roots.flatMap((root) => rememberIds(root.schema, collectIds)))
  const folder: Folder = { named, skip: createSameSchemaTest(named), hasId: (id) => ids.has(id) }
  const diagnostics: Diagnostic[] = []
  for (const root of roots) {
    const at = JSON.stringify([root.file, root.subject, root.path, root.own, root.incoming === true])
    diagnostics.push(...rememberCheck(root.schema, at, folder, ({ skip, hasId }) => {
      const where = { file: root.file, subject: root.subject }
      const found = root.incoming === true ? checkGuardedKeys(root.schema, root.path, where) : []
      if (!root.own && skip(root.schema)) return found
      return [
        ...found,
        ...checkTypeboxVersion(root.schema, root.path, where, skip),
        ...checkJsonSafe(root.schema, root.path, where, skip),
        ...checkRefs(root.schema, root.path, where, hasId, skip),
      ]
    }))
  }
  return diagnostics
}

/** The schemas a service declares explicitly (defaults are built from them, so hold nothing new). */
function serviceRoots(service: Found<ServiceDeclaration>, subject: string): Root[] {
  const definition = service.value as unknown as Record<string, unknown>
  const found: Root[] = []
  const add = (value: unknown, path: string, incoming = true) => {
    if (isSchema(value)) found.push({ schema: value, file: service.file, subject, path, own: false, incoming })
  }
  for (const key of ['id', 'data', 'patch', 'query']) add(definition[key], key)
  add(definition['result'], 'result', false)
  for (const [name, method] of entries(definition['custom'])) {
    if (typeof method === 'object' && method !== null) {
      add((method as Record<string, unknown>)['data'], `${joinPath('custom', name)}.data`)
      add((method as Record<string, unknown>)['result'], `${joinPath('custom', name)}.result`, false)
    }
  }
  for (const [name, schema] of entries(definition['events'])) add(schema, joinPath('events', name), false)
  return found
}

function entries(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isSchema(value) ? Object.entries(value) : []
}
