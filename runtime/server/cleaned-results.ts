/**
 * The `context.dispatch` values the service hook produced by cleaning. A standard event whose
 * payload is its call's single result can then be published with that context as it is, instead
 * of being cleaned a second time (a measurable share of a create's cost under load).
 */
export const cleanedDispatches: WeakSet<object> = new WeakSet()

/**
 * Contexts of calls made inside the server whose result could not be cleaned: the caller keeps
 * its result, and `cleanEvents` publishes no event of such a call (fail closed).
 */
export const unsendableCalls: WeakSet<object> = new WeakSet()
