import type { ServiceModel } from '../../model/model.js'
import { serviceTypeNames } from '../type-names.js'
import type { Components } from './components.js'
import type { Json } from './json-schema.js'

/** One argument of a call as Feathers sends it: a schema and what it is. */
interface Argument {
  /** A short name for summaries: `path`, `id`, `data`, `query`. */
  label: string
  schema: Json
  description: string
}

/** What one callable method sends and what its acknowledgement carries on success. */
export interface CallShape {
  name: string
  arguments: Argument[]
  result: Json
}

const QUERY_ONLY = 'params.query: the only part of params that crosses the socket (Feathers sends {} when there is none); '
  + 'provider, connection, headers and route are added by the server, never sent by a client'

/** `{ type: array, prefixItems, minItems, maxItems }`: a fixed argument list, as zod-sockets models Socket.io arguments. */
export function tuple(items: readonly Json[]): Json {
  // minItems/maxItems close the list for draft-07 readers too, who ignore prefixItems.
  return { type: 'array', prefixItems: [...items], minItems: items.length, maxItems: items.length }
}

/**
 * The argument list of every callable method of a service, in the order Feathers' Socket.io
 * client sends them after the event name (the method): the service path, then id and/or data,
 * then `params.query`; and the result its acknowledgement carries. Multi methods accept
 * (and answer with) arrays, or `null` for the id.
 */
export function callShapes(service: ServiceModel, components: Components): CallShape[] {
  const names = serviceTypeNames(service)
  const result = components.ref(service.result, names.result)
  const id = () => components.ref(service.id, names.id)
  const query: Argument = { label: 'query', schema: components.ref(service.query, names.query), description: QUERY_ONLY }
  const path: Argument = { label: 'path', schema: pathSchema(service), description: 'the service path' }
  const many = (one: Json): Json => ({ oneOf: [one, { type: 'array', items: one }] })
  const multi = (method: 'create' | 'patch' | 'remove') => service.multi.includes(method)
  const idArg = (method: 'patch' | 'remove'): Argument => multi(method)
    ? { label: 'id', schema: { oneOf: [id(), { type: 'null' }] }, description: 'the id, or null for every record the query selects' }
    : { label: 'id', schema: id(), description: 'the id' }
  const data = (): Argument => ({ label: 'data', schema: components.ref(service.data!, names.data!), description: 'the data' })
  const shapes: CallShape[] = []
  for (const method of service.methods) {
    switch (method) {
      case 'find': {
        const page = service.paginate ? pageSchema(service, result, components) : undefined
        shapes.push({ name: method, arguments: [path, query], result: page ?? { type: 'array', items: result } })
        break
      }
      case 'get':
        shapes.push({ name: method, arguments: [path, { label: 'id', schema: id(), description: 'the id' }, query], result })
        break
      case 'create': {
        const d = data()
        shapes.push(multi('create')
          ? { name: method, arguments: [path, { label: 'data', schema: many(d.schema), description: 'the data, or a list of records' }, query], result: many(result) }
          : { name: method, arguments: [path, d, query], result })
        break
      }
      case 'update':
        shapes.push({ name: method, arguments: [path, { label: 'id', schema: id(), description: 'the id' }, data(), query], result })
        break
      case 'patch': {
        const patch: Argument = { label: 'patch', schema: components.ref(service.patch!, names.patch!), description: 'the changes' }
        shapes.push({ name: method, arguments: [path, idArg('patch'), patch, query], result: multi('patch') ? many(result) : result })
        break
      }
      case 'remove':
        shapes.push({ name: method, arguments: [path, idArg('remove'), query], result: multi('remove') ? many(result) : result })
        break
    }
  }
  for (const method of service.custom) {
    const data: Argument = { label: 'data', schema: components.ref(method.data, names.customData(method)), description: `the data of ${method.name}` }
    shapes.push({ name: method.name, arguments: [path, data, query], result: components.ref(method.result, names.customResult(method)) })
  }
  return shapes
}

/** The path argument: the literal path, or a pattern when route placeholders take any segment. */
function pathSchema(service: ServiceModel): Json {
  if (service.routeParams.length === 0) return { type: 'string', const: service.path }
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = service.path.split('/').map((segment) => (segment.startsWith(':') ? '[^/]+' : escape(segment))).join('/')
  return { type: 'string', pattern: `^${pattern}$` }
}

/** `<Pascal>Page`: what `find` resolves to with `paginate: true` (`Paginated<Result>` in types.ts). */
function pageSchema(service: ServiceModel, result: Json, components: Components): Json {
  const name = components.extra(`${service.pascal}Page`, {
    type: 'object',
    description: `A page of ${service.path}: what find resolves to with paginate: true.`,
    properties: { total: { type: 'integer' }, limit: { type: 'integer' }, skip: { type: 'integer' }, data: { type: 'array', items: result } },
    required: ['total', 'limit', 'skip', 'data'],
  })
  return { $ref: `#/components/schemas/${name}` }
}
