/** The typed Feathers client runtime that generated `client.ts` files call into. */
export { createClientApp } from './create-client.js'
export type { ClientOptions, ClientServiceList } from './create-client.js'
export { DEFAULT_TIMEOUT } from './call-timeout.js'
export type { ClientApplication } from './client-application.js'
export type { ClientEvents } from './client-events.js'
export type { ClientListen, ClientUnlisten } from './client-listen.js'
export type { ClientParams, NotSent, OnlyQueryCrossesTheSocket, QueryKey, RouteClientParams, RouteQueryKey } from './client-params.js'
export type { ClientSocket } from './client-socket.js'
