import type { TSchema } from '@sinclair/typebox'
import type { GenModel, ServiceModel } from '../model/model.js'
import { verdictFor } from './change.js'
import type { Change, Direction, Verdict } from './change.js'
import { collapseQueryChanges } from './collapse-query-changes.js'
import { compareSchemas } from './compare-schemas.js'
import { createResolver } from './schema-shape.js'
import type { Resolver } from './schema-shape.js'

type Resolvers = { old: Resolver; new: Resolver }

const STANDARD_EVENTS = { create: 'created', update: 'updated', patch: 'patched', remove: 'removed' } as const

/**
 * The changes from one model to another, each judged for the clients built against the old one
 * (SPEC §9): services, methods, custom methods and events removed break and added are safe;
 * `id` and `paginate` changes break; each schema is compared by the way it travels — what
 * clients send (data, patch, query, custom data) breaks when narrowed, what they receive
 * (results, events, custom results) when widened, the id both ways. The connection never
 * crosses the socket: its changes are warnings. Pure: two models in, data out.
 */
export function compare(before: GenModel, after: GenModel): Change[] {
  const resolve: Resolvers = { old: createResolver(before), new: createResolver(after) }
  const changes: Change[] = []
  const next = new Map(after.services.map((service) => [service.path, service]))
  const previous = new Set(before.services.map((service) => service.path))
  for (const service of before.services) {
    const match = next.get(service.path)
    if (match === undefined) changes.push(change(service.path, 'service', 'service removed', 'breaking'))
    else changes.push(...compareService(service, match, resolve))
  }
  for (const service of after.services) {
    if (!previous.has(service.path)) changes.push(change(service.path, 'service', 'service added', 'safe'))
  }
  changes.push(...compareConnection(before, after, resolve))
  return changes
}

function compareService(a: ServiceModel, b: ServiceModel, resolve: Resolvers): Change[] {
  const service = a.path
  const changes: Change[] = []
  const listed = (names: readonly string[], others: readonly string[], what: string) => {
    for (const name of names) if (!others.includes(name)) changes.push(change(service, `${what} ${name}`, `${what} removed`, 'breaking'))
    for (const name of others) if (!names.includes(name)) changes.push(change(service, `${what} ${name}`, `${what} added`, 'safe'))
  }
  const schemas = (where: string, x: TSchema, y: TSchema, direction: Direction) => {
    const found = compareSchemas(x, y, resolve).map((c) => change(service, where, c.message, verdictFor(c, direction), c.path))
    changes.push(...(where === 'query' ? collapseQueryChanges(found) : found))
  }
  const both = (method: string) => (a.methods as string[]).includes(method) && (b.methods as string[]).includes(method)

  listed(a.methods, b.methods, 'method')
  listed(standardEvents(a), standardEvents(b), 'event')
  listed(a.custom.map((m) => m.name), b.custom.map((m) => m.name), 'custom method')
  listed(a.events.map((e) => e.name), b.events.map((e) => e.name), 'event')

  schemas('id', a.id, b.id, 'both')
  if (a.paginate !== b.paginate) {
    const find = a.methods.includes('find') || b.methods.includes('find')
    changes.push(change(service, 'paginate', b.paginate ? 'find now resolves to a page ({ total, limit, skip, data })' : 'find now resolves to a plain array', find ? 'breaking' : 'safe'))
  }
  for (const method of a.multi) {
    if (both(method) && !b.multi.includes(method)) changes.push(change(service, 'multi', `${method} no longer accepts ${method === 'create' ? 'a list' : 'a null id'}`, 'breaking'))
  }
  for (const method of b.multi) {
    if (both(method) && !a.multi.includes(method)) changes.push(change(service, 'multi', `${method} now also accepts ${method === 'create' ? 'a list' : 'a null id'}`, 'safe'))
  }
  if (a.data !== undefined && b.data !== undefined && (both('create') || both('update'))) schemas('data', a.data, b.data, 'to-server')
  if (a.patch !== undefined && b.patch !== undefined && both('patch')) schemas('patch', a.patch, b.patch, 'to-server')
  schemas('query', a.query, b.query, 'to-server')
  schemas('result', a.result, b.result, 'to-client')
  for (const method of a.custom) {
    const other = b.custom.find((m) => m.name === method.name)
    if (other === undefined) continue
    schemas(`custom ${method.name} data`, method.data, other.data, 'to-server')
    schemas(`custom ${method.name} result`, method.result, other.result, 'to-client')
  }
  for (const event of a.events) {
    const other = b.events.find((e) => e.name === event.name)
    if (other !== undefined) schemas(`event ${event.name}`, event.schema, other.schema, 'to-client')
  }
  return changes
}

/** The connection is what server middleware puts on socket.feathers: no client sends or receives it. */
function compareConnection(before: GenModel, after: GenModel, resolve: Resolvers): Change[] {
  const a = before.connection?.schema, b = after.connection?.schema
  if (a === undefined && b === undefined) return []
  if (a === undefined || b === undefined) {
    return [change('', 'connection', a === undefined ? 'connection declared' : 'connection no longer declared', 'warning')]
  }
  return compareSchemas(a, b, resolve).map((found) =>
    change('', 'connection', `${found.message} (server-side only: check the socket middleware)`, 'warning', found.path))
}

function standardEvents(service: ServiceModel): string[] {
  return service.methods.flatMap((method) => (method in STANDARD_EVENTS ? [STANDARD_EVENTS[method as keyof typeof STANDARD_EVENTS]] : []))
}

function change(service: string, where: string, message: string, verdict: Verdict, path = ''): Change {
  return { service, where, path, message, verdict }
}
