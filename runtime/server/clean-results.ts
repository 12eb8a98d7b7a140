import { GeneralError } from '@feathersjs/errors'
import type { ServiceDescriptor } from './service-descriptor.js'
import { selectedOnly } from './selected-only.js'
import { validationError } from './validation-error.js'
import type { Cleaner, ValidationFailure, Validator } from './validator.js'

/** The cleaner and validator for what a method returns. */
export function resultSchemaFor(descriptor: ServiceDescriptor, method: string): { clean: Cleaner; validator: Validator } {
  const { validators } = descriptor
  const custom = Object.hasOwn(validators.custom, method) ? validators.custom[method] : undefined
  return custom !== undefined
    ? { clean: custom.clean, validator: custom.result }
    : { clean: validators.clean, validator: validators.result }
}

/** True for a Feathers page: `{ total, limit, skip, data: [...] }`. */
function isPage(value: unknown): value is { total: unknown; limit: unknown; skip: unknown; data: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data)
}

/**
 * `result` reduced to what the schema declares: each record of an array (multi create/patch/
 * remove, unpaginated find), each record of a page (only the page's own four fields kept), or
 * the one record. Standard methods' results are records; custom methods' are their own schema.
 */
export function cleanResult(descriptor: ServiceDescriptor, method: string, result: unknown): unknown {
  const { clean } = resultSchemaFor(descriptor, method)
  const isCustom = Object.hasOwn(descriptor.validators.custom, method)
  if (!isCustom && Array.isArray(result)) return result.map(clean)
  if (method === 'find' && isPage(result)) {
    return { total: result.total, limit: result.limit, skip: result.skip, data: result.data.map(clean) }
  }
  return clean(result)
}

/** The records inside a result, each with the JSON pointer it sits at. */
function recordsOf(isCustom: boolean, method: string, result: unknown): Array<[unknown, string]> {
  if (!isCustom && Array.isArray(result)) return result.map((record, index) => [record, `/${index}`])
  if (!isCustom && method === 'find' && isPage(result)) return result.data.map((record, index) => [record, `/data/${index}`])
  return [[result, '']]
}

/**
 * Throws `GeneralError` (500) when a cleaned result does not match its schema. With a `$select`
 * (find, get) only the selected fields are required: a missing unselected field is no failure.
 */
export function checkResult(descriptor: ServiceDescriptor, method: string, cleaned: unknown, select?: unknown): void {
  const { validator } = resultSchemaFor(descriptor, method)
  const failures: ValidationFailure[] = []
  const isCustom = Object.hasOwn(descriptor.validators.custom, method)
  const selected = isCustom ? undefined : select
  for (const [record, prefix] of recordsOf(isCustom, method, cleaned)) {
    if (validator.check(record)) continue
    for (const failure of selectedOnly(validator.errors(record), record, selected)) failures.push({ path: prefix + failure.path, message: failure.message })
  }
  if (failures.length > 0) throw validationError(GeneralError, `Result of '${method}' does not match its schema`, failures)
}
