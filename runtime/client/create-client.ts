import { feathers } from '@feathersjs/feathers'
import socketioClient from '@feathersjs/socketio-client'
import type { Socket } from 'socket.io-client'
import type { ClientApplication } from './client-application.js'
import { checkTimeout, DEFAULT_TIMEOUT, withCallTimeout } from './call-timeout.js'

/** What `createClient` accepts besides the socket. */
export interface ClientOptions {
  /** How long any call waits for its answer, in ms (default 10000); then it rejects with `Timeout`. */
  timeout?: number
}

/** Per service path: every method the client may call (standard and custom), as generated. */
export type ClientServiceList = Readonly<Record<string, { readonly methods: readonly string[] }>>

/**
 * A Feathers client application over `socket` with every service in `services` registered, custom
 * methods included, and a timeout on every call. What the generated `createClient` calls.
 */
export function createClientApp<S>(socket: Socket, services: ClientServiceList, options: ClientOptions = {}): ClientApplication<S> {
  const timeout = checkTimeout(options.timeout ?? DEFAULT_TIMEOUT)
  // The CommonJS build also sets `default` on the exported function, so this works whether a
  // runtime or bundler hands back `module.exports` or its `default`.
  // `as never`: Feathers' CommonJS typings name the CommonJS build of socket.io-client's
  // `Socket`, an ES module importer gets the ESM one; they are the same class at run time.
  const transport = socketioClient.default(socket as never)
  const app = feathers()
  app.configure(transport)
  // Services the list does not name (e.g. `authentication` for authentication-client) come from
  // the default service too, so they get the timeout as well.
  const transportService = app.defaultService.bind(app)
  app.defaultService = (path: string) => withCallTimeout(transportService(path), timeout)
  for (const [path, { methods }] of Object.entries(services)) {
    // The registered methods are how the Feathers client learns custom method names; the
    // service's own `events` (the four standard ones) stay, so the client never re-emits them.
    app.use(path, app.defaultService(path), { methods: [...methods] })
  }
  return app as unknown as ClientApplication<S>
}
