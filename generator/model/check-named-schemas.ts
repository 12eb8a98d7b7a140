import { RESERVED_TYPE_NAMES } from '../emit/type-names.js'
import { isIdentifier } from './identifier.js'
import type { Diagnostic, NamedSchema } from './model.js'
import type { TypeNameOwner } from './service-type-names.js'
import { isSameSchema } from './typebox-kind.js'

// Names TypeScript will not accept for a declared type.
const NOT_TYPE_NAMES = new Set([
  'any', 'bigint', 'boolean', 'never', 'null', 'number', 'object', 'string', 'symbol', 'undefined', 'unknown',
  'void', 'default', 'this', 'true', 'false',
])

/**
 * Named schemas that cannot name a generated type: two different schemas under one name (the
 * same object re-exported is fine), a name `types.ts` declares itself, a name generated for a
 * service (unless it is that very schema in that role), or a name TypeScript rejects.
 */
export function checkNamedSchemas(schemas: readonly NamedSchema[], serviceTypes: ReadonlyMap<string, TypeNameOwner>): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const first = new Map<string, NamedSchema>()
  for (const named of schemas) {
    const report = (message: string) => diagnostics.push({ file: named.file, subject: named.name, path: '', message })
    const earlier = first.get(named.name)
    if (earlier !== undefined) {
      if (earlier.schema !== named.schema) {
        report(`two different schemas are exported as '${named.name}', in ${earlier.file} and in ${named.file}; `
          + 'rename one (re-exporting the same schema is fine)')
      }
      continue
    }
    first.set(named.name, named)
    if (!isIdentifier(named.name) || NOT_TYPE_NAMES.has(named.name)) {
      report(`export '${named.name}' cannot name a generated type; export the schema under a PascalCase name such as 'User'`)
    } else if ((RESERVED_TYPE_NAMES as readonly string[]).includes(named.name)) {
      report(`'${named.name}' is a type name types.ts declares itself; rename the export`)
    } else {
      const owner = serviceTypes.get(named.name)
      if (owner !== undefined && (owner.schema === undefined || !isSameSchema(owner.schema, named.schema))) {
        report(`'${named.name}' is the type name generated for ${owner.role} of service '${owner.service.path}' `
          + `(${owner.service.file}); rename the export (or export the very schema used there)`)
      }
    }
  }
  return diagnostics
}

