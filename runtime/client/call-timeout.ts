import { FeathersError, Timeout, Unavailable } from '@feathersjs/errors'

/** How long a call waits for its answer when `options.timeout` is not given, in ms. */
export const DEFAULT_TIMEOUT = 10_000

// setTimeout fires at once for delays above 2^31 - 1 ms, which would time out every call.
const MAX_TIMEOUT = 2 ** 31 - 1

/** The part of a `@feathersjs/transport-commons` client service this module relies on. */
interface SocketClientService {
  path: string
  connection: { timeout(ms: number): unknown }
  send(method: string, ...args: unknown[]): Promise<unknown>
}

/** `timeout` if it is a usable delay in ms; throws a `TypeError` naming the option otherwise. */
export function checkTimeout(timeout: number): number {
  if (!Number.isInteger(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT) {
    throw new TypeError(`createClient: options.timeout must be an integer of ms between 1 and ${MAX_TIMEOUT}, got ${String(timeout)}`)
  }
  return timeout
}

/**
 * Makes every call of `service` reject with a Feathers `Timeout` after `ms`. The Feathers client
 * has no timeout of its own in v5 (its `timeout` option is ignored); it only honours socket.io's
 * per-emit `socket.timeout(ms)` flag, and then rejects with a plain `Error`. So the flag is set
 * right before the original `send` emits (synchronously, so no other emit can take it), and the
 * socket-level errors are turned into Feathers errors. socket.io also drops the pending answer,
 * and rejects at once when the socket disconnects, so nothing hangs and nothing leaks.
 */
export function withCallTimeout<T extends object>(service: T, ms: number): T {
  const target = service as T & SocketClientService
  const send = target.send
  target.send = function sendWithTimeout(this: SocketClientService, method: string, ...args: unknown[]) {
    this.connection.timeout(ms)
    return send.call(this, method, ...args).catch((error: unknown) => {
      throw socketFailure(error, { ms, method, path: this.path }) ?? error
    })
  }
  return service
}

/** The Feathers error for a failure socket.io reports itself; undefined for the server's errors. */
function socketFailure(error: unknown, call: { ms: number; method: string; path: string }): FeathersError | undefined {
  if (error instanceof FeathersError || !(error instanceof Error)) return undefined
  // socket.io-client's own messages (lib/socket.ts); a server error always arrives converted
  // to a FeathersError, so only these two reach here as plain errors.
  if (error.message === 'operation has timed out') {
    return new Timeout(`Timeout of ${call.ms}ms exceeded calling ${call.method} on ${call.path}`, {
      timeout: call.ms, method: call.method, path: call.path,
    })
  }
  if (error.message === 'socket has been disconnected') {
    return new Unavailable(`The socket disconnected before ${call.method} on ${call.path} was answered`, {
      method: call.method, path: call.path,
    })
  }
  return undefined
}
