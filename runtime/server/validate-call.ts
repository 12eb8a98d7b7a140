import { BadRequest } from '@feathersjs/errors'
import type { HookContext } from '@feathersjs/feathers'
import type { ServiceDescriptor } from './service-descriptor.js'
import { validationError } from './validation-error.js'
import type { ValidationFailure, Validator } from './validator.js'

/** The validator for a method's data argument, or undefined when the method takes none. */
export function dataValidatorFor(descriptor: ServiceDescriptor, method: string): Validator | undefined {
  const { validators } = descriptor
  if (method === 'create' || method === 'update') return validators.data
  if (method === 'patch') return validators.patch
  return Object.hasOwn(validators.custom, method) ? validators.custom[method]?.data : undefined
}

/** Failures of `value` with their paths moved under `prefix` (`/data`, `/query`). */
function failuresOf(validator: Validator, value: unknown, prefix: string): ValidationFailure[] {
  if (validator.check(value)) return []
  return validator.errors(value).map((failure) => ({ path: prefix + failure.path, message: failure.message }))
}

/**
 * Validates a call's data and query; throws `BadRequest` listing every failure (paths are JSON
 * pointers into `{ data, query }`). A multi `create` with an array validates each record.
 */
export function validateCall(descriptor: ServiceDescriptor, context: HookContext): void {
  const failures: ValidationFailure[] = []
  const parts: string[] = []
  const validator = dataValidatorFor(descriptor, context.method)
  if (validator !== undefined) {
    const data: unknown = context.data
    const before = failures.length
    if (Array.isArray(data) && context.method === 'create' && descriptor.multi.includes('create')) {
      data.forEach((record, index) => failures.push(...failuresOf(validator, record, `/data/${index}`)))
    } else {
      failures.push(...failuresOf(validator, data, '/data'))
    }
    if (failures.length > before) parts.push('data')
  }
  const queryFailures = failuresOf(descriptor.validators.query, context.params.query, '/query')
  if (queryFailures.length > 0) parts.push('query')
  failures.push(...queryFailures)
  if (failures.length > 0) throw validationError(BadRequest, `Invalid ${parts.join(' and ')}`, failures)
}
