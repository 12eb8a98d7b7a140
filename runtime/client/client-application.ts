import type { Application } from '@feathersjs/feathers'

/**
 * The Feathers client application `createClient` returns, its services `S` keyed by path. It is a
 * real `Application` (so `app.configure(authentication())` works); `service(path)` is narrowed to
 * the declared paths and returns the typed client alone, without Feathers' untyped `EventEmitter`
 * overloads that would accept any event name and listener.
 */
export type ClientApplication<S> = {
  service<L extends keyof S & string>(path: L): S[L]
} & Application<S>
