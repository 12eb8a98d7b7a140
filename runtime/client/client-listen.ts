/**
 * The type of a generated client's `on`, `once` and `removeListener`, for its event map `E` (event
 * name → payload); each returns the client `S`, so calls chain. Each client names it (`on:
 * ClientListen<XEvents, XClient>`) instead of spelling the generic method out: 500 services'
 * spelled-out listeners made the parsed client.ts some 12 MB larger, which pushed tsc's heap over
 * V8's marking limit in the middle of a check. A property of an alias rather than a base interface:
 * a generic base gives the client a this-type, and TypeScript then instantiates every member it
 * reads once more; the alias is only instantiated where a listener is used.
 */
export type ClientListen<E, S> = <K extends keyof E & string>(event: K, listener: (payload: E[K]) => void) => S

/** The type of a generated client's `off`: without a listener, it removes every listener of `event`. */
export type ClientUnlisten<E, S> = <K extends keyof E & string>(event: K, listener?: (payload: E[K]) => void) => S
