import type { HookContext } from '@feathersjs/feathers'
import { coerceQuery } from './coerce-query.js'
import type { CoercionPlan } from './coerce-query.js'
import type { ServiceDescriptor } from './service-descriptor.js'

/** What `validators.ts` writes per service for calls whose query arrives as strings. */
export interface ServiceCoercion {
  query?: CoercionPlan
  id?: CoercionPlan
}

/**
 * Providers whose query (and id) arrive as strings: REST parses them from the URL. Socket.io
 * calls carry JSON, already typed, and are never converted — a string there stays a string.
 */
const STRING_PROVIDERS: ReadonlySet<unknown> = new Set(['rest'])

/**
 * Converts a REST call's query and id to the types the service's schemas declare (SPEC §6), on a
 * copy of params, so validation and the service see numbers, booleans and arrays. Runs after
 * the prototype guard: the query it walks is known to be safe and bounded in depth.
 */
export function coerceRestCall(descriptor: ServiceDescriptor, context: HookContext): void {
  const plan = descriptor.validators.coerce
  if (plan === undefined || !STRING_PROVIDERS.has((context.params as { provider?: unknown }).provider)) return
  if (plan.query !== undefined) context.params = { ...context.params, query: coerceQuery(plan.query, context.params.query) }
  if (plan.id !== undefined && context.id !== undefined && context.id !== null) {
    context.id = coerceQuery(plan.id, context.id) as typeof context.id
  }
}
