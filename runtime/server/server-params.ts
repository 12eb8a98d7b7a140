import type { IncomingHttpHeaders } from 'node:http'

/**
 * What `@feathersjs/authentication` puts on `params.authentication` (its `AuthenticationRequest`):
 * the strategy and its fields, e.g. `{ strategy: 'jwt', accessToken }`.
 */
export interface AuthenticationRequest {
  strategy?: string
  [key: string]: any
}

/** The fields Feathers' authentication sets on the params of an authenticated call. */
export interface AuthenticationFields {
  /** The credentials the call carried (REST: the Authorization header; Socket.io: the connection's). */
  authentication?: AuthenticationRequest
  /** True once `authenticate(...)` accepted the call. */
  authenticated?: boolean
}

/** The transports a generated server's calls arrive over (`params.provider`). */
export type Transport = 'socketio' | 'rest'

/** Params of a call that arrived over Socket.io: query, connection and headers are all there. */
export type SocketParams<Q, C, R> = Partial<C> & AuthenticationFields & {
  /** The validated query; `{}` when the client sent none. */
  query: Q
  provider: 'socketio'
  /** `socket.feathers`: the object channels hold for this connection. */
  connection: C
  /** The handshake's HTTP headers. */
  headers: IncomingHttpHeaders
  route: R
  [key: string]: unknown
}

/**
 * Params of a call that arrived over REST (`@feathersjs/koa` or `@feathersjs/express` with
 * `rest()`): the query converted from the URL's strings and validated, the request's headers, no
 * connection. What authentication or middleware put on `ctx.feathers`/`req.feathers` is there too.
 */
export type RestParams<Q, C, R> = Partial<C> & AuthenticationFields & {
  /** The validated query, converted from the query string to the types its schema declares. */
  query: Q
  provider: 'rest'
  connection?: never
  /** The HTTP request's headers. */
  headers: IncomingHttpHeaders
  route: R
  [key: string]: unknown
}

/** Params of a call made inside the server (no provider): no connection, query `{}` or the caller's. */
export type InternalParams<Q, C, R> = Partial<C> & AuthenticationFields & {
  query: Q
  // `never`, not `undefined`: absent, so the type still satisfies Feathers' `Params` (whose
  // `provider?: string` takes no explicit undefined under exactOptionalPropertyTypes), which
  // adapters such as `KnexService<…, MessagesParams>` require.
  provider?: never
  connection?: never
  headers?: IncomingHttpHeaders
  /** Only what the caller passed: Feathers sets `route` for transport calls alone. */
  route?: R
  [key: string]: unknown
}

/**
 * What a service method receives. A union on `provider`, so `params.provider === 'socketio'`
 * narrows to a call with a connection and headers, `'rest'` to an HTTP call, `undefined` to an
 * internal one. `T` lists the transports that can reach the service (default: both).
 */
export type ServerParams<Q, C, R = Record<string, never>, T extends Transport = Transport> =
  | ('socketio' extends T ? SocketParams<Q, C, R> : never)
  | ('rest' extends T ? RestParams<Q, C, R> : never)
  | InternalParams<Q, C, R>

/** What code inside the server may pass when it calls a service: every field optional. */
export type CallParams<P> = P extends unknown ? { [K in keyof P]?: P[K] } : never

/**
 * A method as the app exposes it: callers inside the server may omit params or pass some of
 * them (first overload); the second, full signature is the one TypeScript infers from, so
 * Feathers' `HookContext` of the service gets the complete params type.
 */
export type CallableMethod<F> = F extends (...args: infer A) => infer R
  ? A extends [...infer Head, infer P]
    ? { (...args: [...Head, params?: CallParams<P>]): R; (...args: [...Head, params: P]): R }
    : F
  : F

/** A Feathers page, structurally (the generated `Paginated<T>` is one). */
interface Page<T> {
  total: number
  limit: number
  skip: number
  data: T[]
}

/**
 * `find` of a paginated service as server code calls it: `find({ paginate: false })` resolves to
 * the plain array (what Feathers' adapters return then), any other call to the page.
 */
export type CallableFind<F> = F extends (params: infer P) => Promise<Page<infer T>>
  ? { (params: CallParams<P> & { paginate: false }): Promise<T[]> } & CallableMethod<F>
  : CallableMethod<F>

/** A service implementation as callers see it (`app.service(path)`): params optional and partial. */
export type CallableService<S> = {
  [K in keyof S]: K extends 'setup' | 'teardown' ? S[K] : K extends 'find' ? CallableFind<S[K]> : CallableMethod<S[K]>
}

/** An app's services plus `Added`; an app typed `any` (a plain `feathers()`) contributes none. */
export type WithServices<S, Added> = (0 extends 1 & S ? {} : S) & Added
