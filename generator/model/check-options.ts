import type { Where } from './check-json-safe.js'
import { didYouMean } from './closest-name.js'
import { describeValue } from './describe-value.js'
import { joinPath } from './identifier.js'
import type { Diagnostic } from './model.js'
import { isSchema } from './typebox-kind.js'

/** The keys `defineService` accepts. */
export const SERVICE_KEYS = ['path', 'id', 'result', 'data', 'patch', 'query', 'methods', 'paginate', 'multi', 'custom', 'events'] as const

const CUSTOM_KEYS = ['data', 'result'] as const

// What each schema-valued option holds, for the message when it is not a schema.
const SCHEMA_OPTIONS: Readonly<Record<string, string>> = {
  id: 'the id', result: 'one record as it leaves the server', data: 'what create and update accept',
  patch: 'what patch accepts', query: 'the query',
}

/**
 * The shape of a definition, value by value: unknown keys (typos), a missing `result`, values
 * that must be TypeBox schemas and are not, and `paginate`, `multi`, `custom`, `events` of the
 * wrong type. `path` and `methods` have their own rules.
 */
export function checkOptions(definition: Readonly<Record<string, unknown>>, where: Where): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = (path: string, message: string) => diagnostics.push({ ...where, path, message })
  const requireSchema = (method: Record<string, unknown>, name: string, key: 'data' | 'result', what: string) => {
    const value = method[key]
    const at = `${joinPath('custom', name)}.${key}`
    if (value === undefined) report(at, `custom method '${name}' has no \`${key}\`; add ${key}: Type.Object({ … }) (${what})`)
    else if (!isSchema(value)) report(at, `\`${key}\` of custom method '${name}' must be a TypeBox schema (${what}), got ${describeValue(value)}`)
  }
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
  const custom = definition['custom']
  if (custom !== undefined) {
    if (!isRecord(custom)) {
      report('custom', `\`custom\` must be an object of custom methods, { name: { data, result } }, got ${describeValue(custom)}`)
    } else {
      for (const [name, method] of Object.entries(custom)) {
        const at = joinPath('custom', name)
        if (!isRecord(method)) {
          report(at, `custom method '${name}' must be { data: <schema>, result: <schema> }, got ${describeValue(method)}`)
          continue
        }
        for (const key of Object.keys(method)) {
          if (!(CUSTOM_KEYS as readonly string[]).includes(key)) {
            report(joinPath(at, key), `unknown option '${key}' of custom method '${name}';${didYouMean(key, CUSTOM_KEYS)} it takes data and result`)
          }
        }
        requireSchema(method, name, 'data', 'what it accepts')
        requireSchema(method, name, 'result', 'what it resolves to')
      }
    }
  }
  const events = definition['events']
  if (events !== undefined) {
    if (!isRecord(events)) {
      report('events', `\`events\` must be an object of event payload schemas, { name: <schema> }, got ${describeValue(events)}`)
    } else {
      for (const [name, schema] of Object.entries(events)) {
        if (!isSchema(schema)) {
          report(joinPath('events', name), `the payload of event '${name}' must be a TypeBox schema, got ${describeValue(schema)}`)
        }
      }
    }
  }
  return diagnostics
}

/** A plain object (not an array, not a schema): what `custom`, `events` and a custom entry must be. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isSchema(value)
}
