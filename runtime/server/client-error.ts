import { FeathersError, GeneralError } from '@feathersjs/errors'

/** Where failures that clients must not see are reported in full (a Feathers app's `logger`, or `console`). */
export interface ErrorLogger {
  error(...args: unknown[]): void
}

/** How errors are shown to clients: `registerServices` and `socketio()` both take these. */
export interface ErrorOptions {
  /** Development only: send a non-Feathers error's message and stack to the client. Default false. */
  exposeErrors?: boolean
  /** Receives every error that is hidden from a client. Default: `console`. */
  logger?: ErrorLogger
}

/** The message a client gets in place of one it must not see. */
export const HIDDEN_MESSAGE = 'Internal server error'

/** The message of a Feathers error an adapter made from a database driver's error. */
export const HIDDEN_DRIVER_MESSAGE = 'The data store refused the request'

/**
 * The driver error a Feathers error was made from, if any: database adapters keep it on an own
 * symbol key (`@feathersjs/knex` and `@feathersjs/mongodb` do), and their message is the driver's
 * (an SQL statement, a constraint name, values of the row).
 */
function wrappedDriverError(error: FeathersError): unknown {
  for (const key of Object.getOwnPropertySymbols(error)) {
    const value: unknown = (error as unknown as Record<symbol, unknown>)[key]
    if (value instanceof Error && !(value instanceof FeathersError)) return value
  }
  const cause: unknown = (error as { cause?: unknown }).cause
  return cause instanceof Error && !(cause instanceof FeathersError) ? cause : undefined
}

/**
 * What a client may receive for an error thrown while serving its call (SPEC §8): a Feathers
 * error keeps its class, message and data (its `toJSON` never holds the stack); one made from a
 * driver's error keeps its class but not the driver's message; anything else becomes a
 * `GeneralError` with a generic message. What is hidden is logged in full.
 */
export function toClientError(error: unknown, options: ErrorOptions = {}): FeathersError {
  if (error instanceof FeathersError) {
    if (options.exposeErrors === true || wrappedDriverError(error) === undefined) return error
    logHidden(error, options)
    return new FeathersError(HIDDEN_DRIVER_MESSAGE, error.name, error.code, error.className, undefined)
  }
  if (options.exposeErrors === true) {
    const { name, message, stack } = error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined }
    return new GeneralError(message, { name, stack })
  }
  logHidden(error, options)
  return new GeneralError(HIDDEN_MESSAGE)
}

/** Logs an error a client will not see, never throwing (a broken logger must not lose the answer). */
export function logHidden(error: unknown, options: ErrorOptions): void {
  try {
    (options.logger ?? console).error('feathers-sio-gen: error hidden from the client:', error)
  } catch {
    // Nothing else to report to.
  }
}

/** True for what `FeathersError.toJSON()` produces: a name, a class name and an HTTP error code. */
function isFeathersJson(value: object): value is { name: string; message: unknown; code: number; className: string; data?: unknown; errors?: unknown } {
  const { name, code, className } = value as Record<string, unknown>
  return typeof name === 'string' && typeof className === 'string' && typeof code === 'number' && code >= 400 && code < 600
}

/**
 * The last line of defence for an error a transport is about to send (already turned into plain
 * data by Feathers' `normalizeError`): a Feathers error's fields without anything else (`stack`,
 * `hook`); anything else a generic `GeneralError`, logged in full.
 */
export function toWireError(error: unknown, options: ErrorOptions = {}): unknown {
  if (typeof error === 'object' && error !== null && isFeathersJson(error)) {
    const { name, message, code, className, data, errors } = error
    const safe: Record<string, unknown> = { name, message: typeof message === 'string' ? message : HIDDEN_MESSAGE, code, className }
    if (data !== undefined) safe['data'] = data
    if (errors !== undefined) safe['errors'] = errors
    return safe
  }
  if (options.exposeErrors === true) return new GeneralError(String((error as { message?: unknown })?.message ?? error), { error }).toJSON()
  logHidden(error, options)
  return new GeneralError(HIDDEN_MESSAGE).toJSON()
}
