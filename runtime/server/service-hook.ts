import type { HookContext, NextFunction } from '@feathersjs/feathers'
import { checkPaginate } from './check-paginate.js'
import { coerceRestCall } from './coerce-rest-call.js'
import { cleanedDispatches } from './cleaned-results.js'
import { checkResult, cleanResult } from './clean-results.js'
import { guardPrototypeKeys } from './guard-prototype-keys.js'
import { passMultiOn } from './pass-multi-on.js'
import type { ServiceDescriptor } from './service-descriptor.js'
import { validateCall } from './validate-call.js'
import type { FirstHook } from './run-first.js'

/** What `registerServices` accepts besides the implementations. */
export interface RegisterOptions {
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
 * The around hook `registerServices` puts on every method of a service (SPEC §4): guard and
 * validate transport calls before the service runs, then clean what leaves. `context.dispatch`,
 * which transports send and events publish, is always the cleaned result. For a call without a
 * provider `context.result` stays as the service returned it (authentication's local strategy
 * reads the password hash through an internal `find`); a call with a provider is made for a
 * client, so its caller gets the cleaned result too (the same strategy fetches the user it puts
 * in the authentication response with the client's provider).
 */
export function createServiceHook(descriptor: ServiceDescriptor, options: RegisterOptions) {
  return async function serviceHook(context: HookContext, next: NextFunction): Promise<void> {
    const params = context.params as { query?: unknown; provider?: unknown }
    // A copy, so the caller's params object is never changed behind its back.
    if (params.query === undefined || params.query === null) context.params = { ...context.params, query: {} }
    if (params.provider !== undefined || options.validateInternalCalls === true) {
      const parts: Record<string, unknown> = { query: context.params.query }
      if (context.id !== undefined) parts['id'] = context.id
      if (context.data !== undefined) parts['data'] = context.data
      guardPrototypeKeys(parts)
      coerceRestCall(descriptor, context)
      validateCall(descriptor, context)
    }
    passMultiOn(descriptor, context)
    await next()
    const outgoing: unknown = context.dispatch !== undefined ? context.dispatch : context.result
    checkPaginate(descriptor, context, outgoing)
    const cleaned = cleanResult(descriptor, context.method, outgoing)
    if (options.validateResults === true) checkResult(descriptor, context.method, cleaned, (context.params.query as { $select?: unknown }).$select)
    context.dispatch = cleaned
    if (typeof cleaned === 'object' && cleaned !== null) cleanedDispatches.add(cleaned)
    if (params.provider !== undefined) context.result = cleaned
  }
}
