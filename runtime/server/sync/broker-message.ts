import { cleanedDispatches } from '../cleaned-results.js'
import { cleanStrictly } from '../clean-results.js'
import type { ServiceValidators } from '../service-descriptor.js'
import type { Cleaner } from '../validator.js'

/** What feathers-sync publishes for one service event (before it serialises it). */
export interface SyncMessage {
  event: string
  path: string
  data: unknown
  context?: unknown
}

/** Where an `authentication` service finds its entity: `params[entity]` is a record of `service`. */
export interface AuthenticationEntity {
  entity: string
  service: string
}

/** What the reduction knows about the app: the generated services, the connection, authentication. */
export interface BrokerSchemas {
  services: ReadonlyMap<string, ServiceValidators>
  /** Reduces `socket.feathers` (and so a call's params) to its declared fields; none without `defineConnection`. */
  connection: Cleaner | undefined
  /** The entity of the authentication service at `path`, or undefined when `path` is not one. */
  authenticationAt(path: string): AuthenticationEntity | undefined
}

type Fields = Record<string, unknown>

const STANDARD_EVENTS: ReadonlySet<string> = new Set(['created', 'updated', 'patched', 'removed'])

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The message reduced to what the other nodes need to publish the event (SPEC §7): the cleaned
 * payload as `data`, `context.dispatch` and `context.result`; the context's `path`, `method`,
 * `type`, `event` and `id`; and of its params the provider, route, `authenticated` and the
 * connection's declared fields. Call data, stored fields, tokens, headers and everything else
 * the connection holds stay on the node that made the call.
 */
export function brokerMessage(message: SyncMessage, schemas: BrokerSchemas): SyncMessage {
  const { event, path, data } = message
  const context = isFields(message.context) ? message.context : undefined
  const validators = schemas.services.get(path)
  const authentication = validators === undefined ? schemas.authenticationAt(path) : undefined
  const payload = validators !== undefined ? cleanedPayload(validators, message, context)
    : authentication !== undefined ? authenticationPayload(authentication, data, schemas)
    : publishedPayload(data, context)
  if (context === undefined) return { event, path, data: payload }
  const reduced: Fields = { path, event, result: payload, dispatch: payload, params: brokerParams(context['params'], schemas.connection) }
  for (const key of ['method', 'type']) if (typeof context[key] === 'string') reduced[key] = context[key]
  const id = context['id']
  if (typeof id === 'string' || typeof id === 'number') reduced['id'] = id
  return { event, path, data: payload, context: reduced }
}

/** A generated service's payload: the dispatch its hook or `cleanEvents` cleaned, else cleaned here. */
function cleanedPayload(validators: ServiceValidators, { event, path, data }: SyncMessage, context: Fields | undefined): unknown {
  const standard = STANDARD_EVENTS.has(event)
  const clean = standard ? validators.clean : Object.hasOwn(validators.events, event) ? validators.events[event] : undefined
  const what = `The '${path} ${event}' event`
  // feathers-sync publishes declared events only; anything else is not ours to let through.
  if (clean === undefined) return undefined
  const dispatch = context?.['dispatch']
  if (typeof dispatch === 'object' && dispatch !== null && cleanedDispatches.has(dispatch) && Array.isArray(dispatch) === Array.isArray(data)) return dispatch
  return standard && Array.isArray(data) ? data.map((record) => cleanStrictly(clean, record, what)) : cleanStrictly(clean, data, what)
}

/**
 * The authentication service's events carry the access token, the strategy's data (a plaintext
 * password for `local`) and the entity: only the entity crosses, cleaned by its service's result
 * schema when that service is generated (its channels publish nothing to clients anyway).
 */
function authenticationPayload({ entity, service }: AuthenticationEntity, data: unknown, schemas: BrokerSchemas): Fields {
  const validators = schemas.services.get(service)
  const record = isFields(data) ? data[entity] : undefined
  return validators !== undefined && record !== undefined ? { [entity]: cleanStrictly(validators.clean, record, `The '${entity}' of an authentication event`) } : {}
}

/** Another service's payload: what Feathers would send its clients (`dispatch || result`), per record. */
function publishedPayload(data: unknown, context: Fields | undefined): unknown {
  if (context === undefined) return data
  const result = context['result']
  const sent = context['dispatch'] || result
  if (Array.isArray(result) && !Array.isArray(data)) {
    const index = result.indexOf(data)
    return Array.isArray(sent) && index >= 0 ? sent[index] : data
  }
  return sent === undefined ? data : sent
}

/** A call's params as channel filters on other nodes may read them: nothing undeclared. */
function brokerParams(params: unknown, connection: Cleaner | undefined): Fields {
  const reduced: Fields = {}
  if (!isFields(params)) return reduced
  if (connection !== undefined) {
    const declared = connection(params)
    if (isFields(declared)) Object.assign(reduced, declared)
    const own = isFields(params['connection']) ? connection(params['connection']) : undefined
    if (isFields(own)) reduced['connection'] = own
  }
  if (typeof params['provider'] === 'string') reduced['provider'] = params['provider']
  if (typeof params['authenticated'] === 'boolean') reduced['authenticated'] = params['authenticated']
  const route = params['route']
  if (isFields(route)) {
    reduced['route'] = Object.fromEntries(Object.entries(route).filter(([, value]) => typeof value === 'string' || typeof value === 'number'))
  }
  return reduced
}
