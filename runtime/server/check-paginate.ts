import { GeneralError } from '@feathersjs/errors'
import type { HookContext } from '@feathersjs/feathers'
import type { ServiceDescriptor } from './service-descriptor.js'

/** True for a Feathers page: `{ total, limit, skip, data: [...] }`. */
function isPage(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data)
}

/**
 * Fails closed when `find` returned a shape the caller is not typed for (SPEC §3: `Paginated<R>`
 * with `paginate: true`, `R[]` without): a client would otherwise get a page where it expects an
 * array, or the reverse. An internal call may ask for the other shape with `params.paginate`.
 */
export function checkPaginate(descriptor: ServiceDescriptor, context: HookContext, result: unknown): void {
  if (context.method !== 'find' || descriptor.paginate === undefined) return
  const { provider, paginate } = context.params as { provider?: unknown; paginate?: unknown }
  const wantsPage = provider === undefined && paginate !== undefined ? paginate !== false : descriptor.paginate
  if (wantsPage === isPage(result)) return
  const declared = `'${descriptor.path}' is declared with paginate: ${String(descriptor.paginate)}`
  throw new GeneralError(wantsPage
    ? `${declared}, but find returned no page; configure the service to paginate (an adapter's paginate: { default, max })`
    : `${declared}, but find returned a page; set the schema's paginate: true or the adapter's paginate: false`)
}

/**
 * At registration: an adapter (an implementation with `options`, as `AdapterBase` has) whose
 * `paginate` option disagrees with the schema's `paginate` is refused at startup, instead of every
 * `find` failing later.
 */
export function checkAdapterPaginate(descriptor: ServiceDescriptor, implementation: object): void {
  const options: unknown = (implementation as { options?: unknown }).options
  if (descriptor.paginate === undefined || !descriptor.methods.includes('find')) return
  if (typeof options !== 'object' || options === null || !('paginate' in options)) return
  const paginates = Boolean((options as { paginate?: unknown }).paginate)
  if (paginates === descriptor.paginate) return
  throw new TypeError(descriptor.paginate
    ? `registerServices: service '${descriptor.path}' is declared with paginate: true, but its adapter's options have no paginate; pass paginate: { default, max } to the adapter`
    : `registerServices: service '${descriptor.path}' is declared without paginate, but its adapter paginates; remove the adapter's paginate option or set paginate: true in the schema`)
}
