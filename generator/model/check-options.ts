import { checkCustomOptions } from './check-custom-options.js'
import type { Where } from './check-json-safe.js'
import { didYouMean } from './closest-name.js'
import { describeValue } from './describe-value.js'
import { joinPath } from './identifier.js'
import type { Diagnostic } from './model.js'
import { isSchema } from './typebox-kind.js'

/** The keys `defineService` accepts. */
export const SERVICE_KEYS = ['path', 'id', 'result', 'data', 'patch', 'query', 'methods', 'paginate', 'multi', 'custom', 'events'] as const

// What each schema-valued option holds, for the message when it is not a schema.
const SCHEMA_OPTIONS: Readonly<Record<string, string>> = {
  id: 'the id', result: 'one record as it leaves the server', data: 'what create and update accept',
  patch: 'what patch accepts', query: 'the query',
}

/**
 * The shape of a definition, value by value: unknown keys (typos), a missing `result`, values
 * that must be TypeBox schemas and are not, and `paginate`, `multi`, `custom`, `events` of the
 * wrong type. `path` and `methods` have their own rules; custom and events are in check-custom-options.
 */
export function checkOptions(definition: Readonly<Record<string, unknown>>, where: Where): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = (path: string, message: string) => diagnostics.push({ ...where, path, message })
  for (const key of Object.keys(definition)) {
    if (!(SERVICE_KEYS as readonly string[]).includes(key)) {
      report(joinPath('', key), `unknown option '${key}';${didYouMean(key, SERVICE_KEYS)} known options are ${SERVICE_KEYS.join(', ')}`)
    }
  }
  if (definition['result'] === undefined) {
    report('result', 'missing `result`: every service needs a result schema (one record as it leaves the server), e.g. result: Message')
  }
  for (const [key, what] of Object.entries(SCHEMA_OPTIONS)) {
    const value = definition[key]
    if (value !== undefined && !isSchema(value)) report(key, `\`${key}\` must be a TypeBox schema (${what}), got ${describeValue(value)}`)
  }
  const paginate = definition['paginate']
  if (paginate !== undefined && typeof paginate !== 'boolean') {
    report('paginate', `\`paginate\` must be true or false, got ${describeValue(paginate)}`)
  }
  const multi = definition['multi']
  if (multi !== undefined && typeof multi !== 'boolean' && !Array.isArray(multi)) {
    report('multi', `\`multi\` must be true, false or a list of 'create', 'patch', 'remove', got ${describeValue(multi)}`)
  }
  diagnostics.push(...checkCustomOptions(definition['custom'], definition['events'], where))
  return diagnostics
}
