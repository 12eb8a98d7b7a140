import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import socketioClient from '@feathersjs/socketio-client'
import type { ClientApplication } from './client-application.js'
import type { ClientSocket } from './client-socket.js'
import { checkTimeout, DEFAULT_TIMEOUT, withCallTimeout } from './call-timeout.js'
import { guardReAuthentication } from './guard-re-authentication.js'

/**
 * `@feathersjs/socketio-client`'s default export. It is CommonJS: Node's ESM loader hands over
 * `module.exports`, typed (under nodenext) as an object with `default`; bundlers and `bundler`
 * resolution hand over the function. The function carries `default` too, so both shapes work.
 * The cast also bridges Feathers' typings, which name one build's `Socket` type while the app may
 * hold the other's (the same class at run time, see ClientSocket).
 */
const configureSocketClient = ((socketioClient as { default?: unknown }).default ?? socketioClient) as
  (socket: ClientSocket) => (app: Application) => void

/** What `createClient` accepts besides the socket. */
export interface ClientOptions {
  /** How long any call waits for its answer, in ms (default 10000); then it rejects with `Timeout`. */
  timeout?: number
}

/** Per service path: every method the client may call (standard and custom), as generated. */
export type ClientServiceList = Readonly<Record<string, { readonly methods: readonly string[] }>>

/**
 * A Feathers client application over `socket` with every service in `services` registered, custom
 * methods included, and a timeout on every call. What the generated `createClient` calls, with
 * its own client type as `C` (e.g. `ClientApplication<ClientServices>`): the app is returned as
 * `C` without comparing Feathers' types to it, which would cost every consumer's type check.
 */
export function createClientApp<C = ClientApplication<Record<string, unknown>>>(socket: ClientSocket, services: ClientServiceList, options: ClientOptions = {}): C {
  const timeout = checkTimeout(options.timeout ?? DEFAULT_TIMEOUT)
  const transport = configureSocketClient(socket)
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
  // authentication-client is configured onto the app later, by the user: guard it when it is.
  const configure = app.configure
  app.configure = function configureGuarded(this: Application, callback) {
    const configured = configure.call(this, callback)
    guardReAuthentication(this)
    return configured
  }
  return app as unknown as C
}
