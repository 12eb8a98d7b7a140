import type { CustomMethodModel, EventModel, ServiceModel } from '../model/model.js'

/** Names in `types.ts` that are not named schemas; a named schema may not take them. */
export const RESERVED_TYPE_NAMES = ['Connection', 'Paginated', 'QueryOperators', 'ServiceTypes'] as const

/**
 * The per-service type names `types.ts` exports and `server.ts`/`client.ts` import, e.g. for
 * `messages`: `MessagesId`, `MessagesResult`, `MessagesData`, `MessagesPatch`, `MessagesQuery`.
 * `data` and `patch` exist only when the service model has them.
 */
export function serviceTypeNames(service: ServiceModel) {
  const p = service.pascal
  return {
    id: `${p}Id`,
    result: `${p}Result`,
    data: service.data === undefined ? undefined : `${p}Data`,
    patch: service.patch === undefined ? undefined : `${p}Patch`,
    query: `${p}Query`,
    customData: (method: CustomMethodModel) => `${p}${method.pascal}Data`,
    customResult: (method: CustomMethodModel) => `${p}${method.pascal}Result`,
    event: (event: EventModel) => `${p}${event.pascal}Event`,
  }
}

/** Every type name `types.ts` declares for one service, for collision checks. */
export function allServiceTypeNames(service: ServiceModel): string[] {
  const names = serviceTypeNames(service)
  return [
    names.id, names.result, names.data, names.patch, names.query,
    ...service.custom.flatMap((method) => [names.customData(method), names.customResult(method)]),
    ...service.events.map(names.event),
  ].filter((name): name is string => name !== undefined)
}
