import type { HookContext } from '@feathersjs/feathers'
import type { ServiceDescriptor } from './service-descriptor.js'

/**
 * Passes the schema's `multi` on to database adapters (`KnexService`, `MemoryService`, …) for
 * this call, as `params.adapter.multi` — which their `allowsMulti` reads before their own
 * options — so `multi: ['remove']` in the schema is enough; a `params.adapter.multi` that server
 * code set on an internal call wins. Services that are not adapters ignore `params.adapter`.
 */
export function passMultiOn(descriptor: ServiceDescriptor, context: HookContext): void {
  const { method } = context
  const many = method === 'create' ? Array.isArray(context.data) : (method === 'patch' || method === 'remove') && context.id === null
  if (!many) return
  const params = context.params as { adapter?: Record<string, unknown>; provider?: unknown }
  const multi = [...descriptor.multi]
  const adapter = params.provider === undefined ? { multi, ...params.adapter } : { ...params.adapter, multi }
  context.params = { ...context.params, adapter }
}
