import type { Application } from '@feathersjs/feathers'
import type { ServiceDescriptor, ServiceValidators } from '../service-descriptor.js'
import { brokerMessage } from './broker-message.js'
import type { AuthenticationEntity, BrokerSchemas, SyncMessage } from './broker-message.js'
import { guardPublish } from './guard-publish.js'
import type { SyncPublisher } from './guard-publish.js'

/** `app.sync` as feathers-sync (3.x) sets it: the (de)serialiser every adapter calls, and Redis's clients. */
type AppSync = SyncPublisher & { serialize: (message: SyncMessage) => unknown }

type Schemas = BrokerSchemas & { services: Map<string, ServiceValidators> }

const protectedSyncs = new WeakMap<object, Schemas>()

/**
 * When feathers-sync is configured (`app.sync`, set by `app.configure(sync(...))` before
 * `registerServices`), arranges that what it publishes is reduced to what other nodes need
 * (`brokerMessage`: cleaned payloads, declared connection fields — for every service on the app,
 * `authentication` included) and that a broker outage crashes nothing (`guardPublish`). Wraps
 * `app.sync.serialize`, which feathers-sync calls for every event on every adapter; safe to call
 * once per `registerServices` call — later calls only add their services.
 */
export function protectSync(app: Application, descriptors: readonly ServiceDescriptor[]): void {
  const sync = (app as { sync?: unknown }).sync as AppSync | undefined
  if (typeof sync !== 'object' || sync === null || typeof sync.serialize !== 'function') return
  let schemas = protectedSyncs.get(sync)
  if (schemas === undefined) {
    const created: Schemas = { services: new Map(), connection: undefined, authenticationAt: (path) => authenticationAt(app, path) }
    const serialize = sync.serialize
    sync.serialize = (message: SyncMessage) => serialize.call(sync, brokerMessage(message, created))
    guardPublish(sync)
    protectedSyncs.set(sync, created)
    schemas = created
  }
  for (const { path, validators } of descriptors) {
    schemas.services.set(path, validators)
    schemas.connection ??= validators.connection
  }
}

/** `@feathersjs/authentication`'s service (it creates access tokens) and the entity it resolves. */
function authenticationAt(app: Application, path: string): AuthenticationEntity | undefined {
  const service = (app.services as Record<string, unknown>)[path] as { createAccessToken?: unknown; configuration?: Partial<AuthenticationEntity> } | undefined
  if (typeof service?.createAccessToken !== 'function') return undefined
  const { entity, service: entityService } = service.configuration ?? {}
  // Without an entity nothing of the event is needed elsewhere: `{}` crosses.
  return { entity: typeof entity === 'string' ? entity : 'user', service: typeof entityService === 'string' ? entityService : '' }
}
