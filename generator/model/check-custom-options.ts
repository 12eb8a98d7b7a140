import type { Where } from './check-json-safe.js'
import { didYouMean } from './closest-name.js'
import { describeValue } from './describe-value.js'
import { joinPath } from './identifier.js'
import type { Diagnostic } from './model.js'
import { isSchema } from './typebox-kind.js'

const CUSTOM_KEYS = ['data', 'result'] as const

/**
 * The shape of `custom` (`{ name: { data, result } }`, both schemas, no other keys) and of
 * `events` (`{ name: schema }`). Their names have their own rule (check-names).
 */
export function checkCustomOptions(custom: unknown, events: unknown, where: Where): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = (path: string, message: string) => diagnostics.push({ ...where, path, message })
  const requireSchema = (method: Record<string, unknown>, name: string, key: 'data' | 'result', what: string) => {
    const value = method[key]
    const at = `${joinPath('custom', name)}.${key}`
    if (value === undefined) report(at, `custom method '${name}' has no \`${key}\`; add ${key}: Type.Object({ … }) (${what})`)
    else if (!isSchema(value)) report(at, `\`${key}\` of custom method '${name}' must be a TypeBox schema (${what}), got ${describeValue(value)}`)
  }
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
