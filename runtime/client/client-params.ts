declare const notSent: unique symbol

/**
 * The type every key of `params` other than `query` (and `route`) is mapped to. Nothing can be
 * assigned to it without a cast, and its name is what a compile error shows.
 */
export interface OnlyQueryCrossesTheSocket {
  readonly [notSent]: never
}

/** What a client call's `params` may hold: the query, since nothing else crosses the socket. */
export interface ClientParams<Q> {
  query?: Q
}

/**
 * Params of a service whose path has placeholders (`users/:userId/posts`): Feathers sends `route`
 * inside the path, so it is required; the server sees it as `params.route`.
 */
export interface RouteClientParams<Q, R> {
  query?: Q
  route: R
}

/**
 * `params` as a method accepts it: `P` is inferred from the argument and only its keys are used.
 * Each key of `P` not in `Allowed` must have the type `OnlyQueryCrossesTheSocket`, which no value
 * has — so an extra key fails for an object literal and for a variable of a wider type (e.g.
 * Feathers' `Params`) alike. The allowed keys are typed from `Allowed`, never from `P`, so an
 * object literal's `query` still gets excess-property checks and keeps its literal types.
 */
export type ExactParams<P, Allowed> =
  & { [K in keyof P]: K extends keyof Allowed ? Allowed[K] : OnlyQueryCrossesTheSocket }
  // Only `never` refuses a value typed `any`; kept second so errors name the type above.
  & { [K in keyof P]: K extends keyof Allowed ? unknown : never }
  & Allowed
