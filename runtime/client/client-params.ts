// The brand's name is what a compile error shows for a forbidden key: it states the rule.
declare const only_query_crosses_the_socket: unique symbol

/**
 * The brand in each generated method's key parameter, `K extends QueryKey` (`'query' | NotSent`).
 * TypeScript infers only the argument's keys for `K`; an extra key breaks the constraint, `K`
 * falls back to it, and since it then holds `NotSent` the parameter requires
 * `OnlyQueryCrossesTheSocket`, which no value has. The allowed keys keep their schema types, so
 * an object literal's `query` keeps excess-property checks and literal types.
 */
export type NotSent = typeof only_query_crosses_the_socket

/**
 * The constraint of a generated method's `K`: the keys its params may hold, and the brand. One
 * shared name rather than `keyof XClientParams | NotSent` in every method (the same type): each
 * spelled-out copy was nodes tsc parses and keeps for all of client.ts.
 */
export type QueryKey = 'query' | NotSent

/** `QueryKey` of a service whose path has placeholders: `route` is allowed too. */
export type RouteQueryKey = 'query' | 'route' | NotSent

/** What a call with a forbidden key would have to carry: a property no value can have. */
export interface OnlyQueryCrossesTheSocket {
  readonly [only_query_crosses_the_socket]: never
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
