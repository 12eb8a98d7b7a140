/** What `@feathersjs/authentication-client` puts on `app.authentication` that matters here. */
interface ReAuthenticating {
  reAuthenticate: (...args: unknown[]) => Promise<unknown>
}

const guarded = new WeakSet<object>()

/**
 * `@feathersjs/authentication-client` re-authenticates when a logged-in socket disconnects and
 * drops the promise. With a call timeout that attempt can reject while nobody listens — an
 * unhandled rejection, which ends a Node process. So every re-authentication promise gets a
 * no-op handler; a caller who awaits it (`app.reAuthenticate()`) still sees the rejection.
 */
export function guardReAuthentication(app: object): void {
  const authentication = (app as { authentication?: Partial<ReAuthenticating> }).authentication
  if (typeof authentication !== 'object' || authentication === null || guarded.has(authentication)) return
  const reAuthenticate = authentication.reAuthenticate
  if (typeof reAuthenticate !== 'function') return
  guarded.add(authentication)
  authentication.reAuthenticate = function guardedReAuthenticate(this: unknown, ...args: unknown[]) {
    const attempt = reAuthenticate.apply(this, args)
    attempt.catch(() => {})
    return attempt
  }
}
