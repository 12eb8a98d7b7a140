/** What feathers-sync's Redis adapter puts on `app.sync` that matters here. */
export interface SyncPublisher {
  pub?: { publish?: (...args: unknown[]) => unknown; isReady?: boolean }
  ready?: Promise<unknown>
}

const GUARDED = Symbol('feathers-sio-gen/publish-guarded')

/**
 * Keeps a broker outage from crashing the node. feathers-sync calls `pub.publish(key, message)`
 * from an event listener and never handles the promise: when Redis goes away the rejection
 * (`SocketClosedUnexpectedlyError`) is unhandled and Node exits. While the client is not ready the
 * message is dropped instead of queued — the redis client would otherwise hold every event of an
 * outage in memory and flush them at reconnect, racing the resubscription — so events published
 * during an outage are lost: delivery is at most once. `app.sync.ready` gets a handler for the
 * same reason (it rejects when the first connection fails).
 */
export function guardPublish(sync: SyncPublisher): void {
  const pub = sync.pub
  sync.ready?.catch(() => undefined)
  if (pub === undefined || typeof pub.publish !== 'function' || (pub as Record<symbol, unknown>)[GUARDED] === true) return
  const publish = pub.publish
  const guarded = function publishGuarded(this: unknown, ...args: unknown[]): Promise<unknown> {
    if (pub.isReady === false) return Promise.resolve(0)
    try {
      return Promise.resolve(publish.apply(this, args)).catch(() => 0)
    } catch {
      return Promise.resolve(0)
    }
  }
  Object.defineProperty(pub, 'publish', { value: guarded, writable: true, configurable: true })
  Object.defineProperty(pub, GUARDED, { value: true })
}
