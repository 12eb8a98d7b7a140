import type { IncomingHttpHeaders } from 'node:http'

/** Params of a call that arrived over Socket.io: query, connection and headers are all there. */
export type SocketParams<Q, C, R> = Partial<C> & {
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

/** Params of a call made inside the server (no provider): no connection, query `{}` or the caller's. */
export type InternalParams<Q, C, R> = Partial<C> & {
  query: Q
  provider?: undefined
  connection?: undefined
  headers?: IncomingHttpHeaders
  /** Only what the caller passed: Feathers sets `route` for transport calls alone. */
  route?: R
  [key: string]: unknown
}

/**
 * What a service method receives. A union on `provider`, so `params.provider === 'socketio'`
 * narrows to a call with a connection and headers.
 */
export type ServerParams<Q, C, R = Record<string, never>> = SocketParams<Q, C, R> | InternalParams<Q, C, R>

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

/** A service implementation as callers see it (`app.service(path)`): params optional and partial. */
export type CallableService<S> = { [K in keyof S]: K extends 'setup' | 'teardown' ? S[K] : CallableMethod<S[K]> }
