import type { FeathersError } from '@feathersjs/errors'
import type { ValidationFailure } from './validator.js'

/**
 * A Feathers error carrying the failure list twice: in `data`, where `@feathersjs/schema` puts its
 * Ajv errors (and the CLI's `logError` hook and existing client code read them), and in `errors`,
 * where earlier versions of this package put it. Both survive `toJSON`, so both reach clients.
 */
export function validationError<E extends FeathersError>(
  ErrorClass: new (message: string, data?: unknown) => E,
  message: string,
  failures: ValidationFailure[],
): E {
  // An array as `data` is kept as it is; an object would be split into `errors` and the rest.
  const error = new ErrorClass(message, failures)
  Object.assign(error, { errors: failures })
  return error
}
