import type { Application } from '@feathersjs/feathers'

/**
 * The Feathers client application `createClient` returns, its services `S` keyed by path. It is a
 * real `Application` (so `app.configure(authentication())` works); `service(path)` is narrowed to
 * the declared paths and returns the typed client alone. Feathers' `Application` is taken over no
 * services (`{}`): instantiating its types over every service would cost each consumer's `tsc`
 * more than the services themselves, and with no services its own `service` accepts no path.
 */
export type ClientApplication<S> = {
  service<L extends keyof S & string>(path: L): S[L]
} & Application<{}>
