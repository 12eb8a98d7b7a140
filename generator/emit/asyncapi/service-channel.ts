import type { ServiceModel } from '../../model/model.js'
import { serviceTypeNames } from '../type-names.js'
import { callShapes, tuple } from './call-arguments.js'
import type { Components } from './components.js'
import type { Json } from './json-schema.js'

/** The standard events and the methods that emit them. */
const STANDARD_EVENTS = [['create', 'created'], ['update', 'updated'], ['patch', 'patched'], ['remove', 'removed']] as const

/** One service as a channel of its messages, and its operations keyed by id. */
export interface ServiceChannel {
  id: string
  channel: Json
  operations: [string, Json][]
}

/**
 * A service as AsyncAPI: one channel whose address is the service path (placeholders as channel
 * parameters), holding for each callable method the call (`receive`, the Socket.io event named
 * after the method) with its acknowledgement and the error as reply messages, and for each
 * real-time event (`created`… for listed methods, then custom events) a `send` operation.
 * Operation ids use dots, which no method or event name can contain, so they never collide.
 */
export function serviceChannel(service: ServiceModel, components: Components, errorMessage: string): ServiceChannel {
  const id = service.pascal
  const channelRef = { $ref: `#/channels/${id}` }
  const messageRef = (key: string) => ({ $ref: `#/channels/${id}/messages/${key}` })
  const messages: Record<string, Json> = { error: { $ref: `#/components/messages/${errorMessage}` } }
  const operations: [string, Json][] = []

  for (const call of callShapes(service, components)) {
    messages[`${call.name}.call`] = {
      name: call.name,
      title: `${service.path}.${call.name}`,
      summary: `Calls ${call.name} on ${service.path}: emit('${call.name}', ${call.arguments.map((a) => a.label).join(', ')}, ack)`,
      payload: tuple(call.arguments.map((a) => describe(a.schema, a.description))),
    }
    messages[`${call.name}.ack`] = {
      title: `${service.path}.${call.name} acknowledgement`,
      summary: 'The acknowledgement on success: ack(null, result)',
      payload: tuple([{ type: 'null', description: 'no error' }, describe(call.result, 'the result')]),
    }
    operations.push([`${id}.${call.name}`, {
      action: 'receive',
      channel: channelRef,
      title: `${service.path}.${call.name}`,
      summary: `The server answers through the acknowledgement: the result, or a Feathers error.`,
      messages: [messageRef(`${call.name}.call`)],
      reply: {
        // Socket.io answers through the callback passed after the arguments, not on an address.
        address: { location: '$message.payload#', description: 'the acknowledgement callback: the argument after the last one listed' },
        channel: channelRef,
        messages: [messageRef(`${call.name}.ack`), messageRef('error')],
      },
    }])
  }

  const names = serviceTypeNames(service)
  const events = [
    ...STANDARD_EVENTS.filter(([method]) => service.methods.includes(method))
      .map(([, event]) => ({ event, payload: components.ref(service.result, names.result) })),
    ...service.events.map((event) => ({ event: event.name, payload: components.ref(event.schema, names.event(event)) })),
  ]
  for (const { event, payload } of events) {
    messages[`${event}.event`] = {
      name: `${service.path} ${event}`,
      title: `${service.path} ${event}`,
      summary: `The real-time event '${event}', sent to the connections the app's channels select`,
      payload: tuple([payload]),
    }
    operations.push([`${id}.${event}.event`, {
      action: 'send',
      channel: channelRef,
      title: `${service.path} ${event}`,
      messages: [messageRef(`${event}.event`)],
    }])
  }

  const channel: Record<string, Json> = {
    address: service.routeParams.reduce((path, name) => path.replace(`:${name}`, `{${name}}`), service.path),
    title: service.path,
    description: `The Feathers service '${service.path}'. A call is a Socket.io event on the default namespace `
      + 'named after the method, whose arguments start with the service path and end with params.query, followed by '
      + `an acknowledgement callback; events are named '${service.path} <event>'.`,
    messages,
  }
  if (service.routeParams.length > 0) {
    channel['parameters'] = Object.fromEntries(service.routeParams.map((name) => [name, {
      description: `Route placeholder :${name}, a segment of the path argument; the server sees it as params.route.${name}.`,
    }]))
  }
  return { id, channel, operations }
}

/** A schema with a description of its place (a `$ref` keeps its siblings in AsyncAPI 3 schemas). */
function describe(schema: Json, description: string): Json {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? { ...schema, description } : schema
}
