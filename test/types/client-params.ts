// Compile-only: the query-only rule (SPEC §3). Each line marked @ts-expect-error must fail to
// compile; every other call must compile. test/unit/client-type-tests.test.ts checks that each
// marked line really fails on its own (removing the marker makes tsc fail).
import type { Params } from '@feathersjs/feathers'
import type { Client, MessagesClientParams } from '../.generated/client.js'
import type { MessagesQuery } from '../.generated/types.js'

declare const client: Client
const messages = client.service('messages')

// Allowed: no params, an empty object, a query, literal operators and literal `$sort` directions.
void messages.find()
void messages.find(undefined)
void messages.find({})
void messages.find({ query: {} })
void messages.find({ query: { userId: 7, $limit: 10, $sort: { createdAt: -1 } } })
void messages.find({ query: { id: { $in: [1, 2] }, $or: [{ userId: 1 }, { userId: { $ne: 2 } }] } })
void messages.get(1, { query: { $select: ['id', 'userId'] } })
void messages.create({ text: 'hi' }, { query: {} })
void messages.patch(1, { text: 'hi' }, { query: { userId: 1 } })
void messages.remove(null, { query: { userId: 1 } })
void messages.markRead({ ids: [1] }, { query: {} })

// Allowed: variables and spreads whose type holds nothing but the query.
const query: MessagesQuery = { userId: 1 }
const typed: MessagesClientParams = { query }
void messages.find(typed)
void messages.find({ ...typed })
const inferred = { query: { userId: 1 } }
void messages.find(inferred)
declare const maybe: MessagesClientParams | undefined
void messages.find(maybe)
declare const queryOnly: { query?: MessagesQuery }
void messages.get(1, queryOnly)

// `any` switches type checking off, as everywhere in TypeScript: it compiles (deliberately).
declare const anything: any
void messages.find(anything)

// Forbidden: any other key in an object literal.
// @ts-expect-error user is not sent over the socket
void messages.find({ query: {}, user: { id: 1 } })
// @ts-expect-error provider is set by the server
void messages.find({ provider: 'socketio' })
// @ts-expect-error connection is the server's
void messages.get(1, { connection: {} })
// @ts-expect-error headers come from the handshake
void messages.create({ text: 'hi' }, { headers: { authorization: 'x' } })
// @ts-expect-error paginate is a server option
void messages.find({ query: {}, paginate: false })
// @ts-expect-error route is only for paths with placeholders
void messages.remove(1, { route: { id: 1 } })
// @ts-expect-error even undefined: the key must not be there at all
void messages.patch(1, {}, { query: {}, user: undefined })
// @ts-expect-error custom methods follow the same rule
void messages.markRead({ ids: [] }, { query: {}, authenticated: true })

// Forbidden: a query the schema does not allow.
// @ts-expect-error a key the query does not list
void messages.find({ query: { text: 'hi' } })
// @ts-expect-error a sort direction other than 1 | -1
void messages.find({ query: { $sort: { createdAt: 2 } } })
// @ts-expect-error a wrong value type
void messages.find({ query: { userId: '7' } })

// Forbidden: a variable of a wider type, however it is built.
const wider = { query: { userId: 1 }, user: { id: 1 } }
// @ts-expect-error a variable with an extra key
void messages.find(wider)
// @ts-expect-error a spread that brings an extra key
void messages.find({ ...wider })
// @ts-expect-error a spread plus a literal extra key
void messages.find({ ...typed, provider: 'rest' })
declare const feathersParams: Params
// @ts-expect-error Feathers' own Params type (provider, route, headers…)
void messages.find(feathersParams)
declare const feathersParamsOfQuery: Params<MessagesQuery>
// @ts-expect-error Params with the right query is still wider
void messages.get(1, feathersParamsOfQuery)
declare const record: Record<string, unknown>
// @ts-expect-error an open record
void messages.find(record)
declare const optionalExtra: { query?: MessagesQuery; user?: { id: number } }
// @ts-expect-error an optional extra key
void messages.find(optionalExtra)
declare const extraAny: { query?: MessagesQuery; user: any }
// @ts-expect-error an extra key of type any is still an extra key
void messages.find(extraAny)
