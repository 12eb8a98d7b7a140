import type { HookContext, NextFunction } from '@feathersjs/feathers'
import { checkPaginate } from './check-paginate.js'
import { GeneralError } from '@feathersjs/errors'
import { logHidden, toClientError } from './client-error.js'
import type { ErrorOptions } from './client-error.js'
import { coerceRestCall } from './coerce-rest-call.js'
import { cleanedDispatches, unsendableCalls } from './cleaned-results.js'
import { checkResult, cleanResult } from './clean-results.js'
import { guardCall, guardedAtTransport } from './guard-prototype-keys.js'
import { passMultiOn } from './pass-multi-on.js'
import type { ServiceDescriptor } from './service-descriptor.js'
import { validateCall } from './validate-call.js'
import type { FirstHook } from './run-first.js'

/** What `registerServices` accepts besides the implementations. */
export interface RegisterOptions extends ErrorOptions {
  /** Also validate every cleaned result; a wrong shape fails the call with `GeneralError` (500). */
  validateResults?: boolean
  /** Guard and validate calls made inside the server (no `provider`) too. Default: only transport calls. */
  validateInternalCalls?: boolean
  /**
   * Hooks run on every method before the guard and validation, e.g. `[authenticate('jwt')]`, so
   * an anonymous caller gets 401 before it can learn the schema from a 400 (Feathers runs `around`
   * hooks, including this one, before any `before` hook registered with `service.hooks`).
   */
  before?: ReadonlyArray<FirstHook>
}

/**
 * The around hook `registerServices` puts on every method of a service (SPEC §4, §8). Before the
 * service runs, a transport call is guarded (once: not again when the socket transport already
 * did) and validated; after it, what leaves is cleaned. `context.dispatch`, which transports send
 * and events publish, is always the cleaned result. For a call without a provider
 * `context.result` stays as the service returned it (authentication's local strategy reads the
 * password hash through an internal `find`); a call with a provider is made for a client, so its
 * caller gets the cleaned result too, and any error it fails with is one a client may see.
 */
export function createServiceHook(descriptor: ServiceDescriptor, options: RegisterOptions) {
  return async function serviceHook(context: HookContext, next: NextFunction): Promise<void> {
    const params = context.params as { query?: unknown; provider?: unknown; connection?: unknown }
    const external = params.provider !== undefined
    try {
      // A copy, so the caller's params object is never changed behind its back.
      if (params.query === undefined || params.query === null) context.params = { ...context.params, query: {} }
      if (external || options.validateInternalCalls === true) {
        // One guard pass: not again for a socket call the transport guarded on arrival.
        if (!guardedAtTransport(params)) guardCall(context)
        coerceRestCall(descriptor, context)
        validateCall(descriptor, context)
      }
      passMultiOn(descriptor, context)
      await next()
      const outgoing: unknown = context.dispatch !== undefined ? context.dispatch : context.result
      checkPaginate(descriptor, context, outgoing)
      let cleaned: unknown
      try {
        cleaned = cleanResult(descriptor, context.method, outgoing)
      } catch (error) {
        if (external) throw error
        // Trusted code inside the server gets its result as returned, but nothing of a result that
        // cannot be cleaned may reach a client: the call's events are dropped (clean-events.ts).
        unsendableCalls.add(context)
        logHidden(new GeneralError(`${(error as Error).message}; its events were not published`), options)
        return
      }
      if (options.validateResults === true) checkResult(descriptor, context.method, cleaned, (context.params.query as { $select?: unknown }).$select)
      context.dispatch = cleaned
      if (typeof cleaned === 'object' && cleaned !== null) cleanedDispatches.add(cleaned)
      if (external) context.result = cleaned
    } catch (error) {
      // Internal callers get the error as thrown; a client gets no stack, path or driver message.
      throw external ? toClientError(error, options) : error
    }
  }
}
