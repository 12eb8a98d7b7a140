// emitClient on models built from in-memory schema modules: what client.ts declares per service.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { defineService } from 'feathers-sio-gen'
import { emitClient } from '../../generator/emit/emit-client.js'
import { isGenerated } from '../../generator/emit/header.js'
import { buildModel } from '../../generator/model/build-model.js'
import type { GenModel } from '../../generator/model/model.js'

const Post = Type.Object({ id: Type.String(), title: Type.String() }, { additionalProperties: false })
const PostData = Type.Object({ title: Type.String() }, { additionalProperties: false })

/** The model of one module with these exports; fails on any diagnostic. */
function modelOf(exports: Record<string, unknown>): GenModel {
  const { model, diagnostics } = buildModel([{ file: 'schemas/x.ts', exports }])
  assert.deepEqual(diagnostics, [])
  return model
}

const posts = defineService({
  path: 'users/:userId/posts', id: Type.String(), result: Post, data: PostData,
  methods: ['find', 'get', 'create', 'update', 'patch', 'remove'], multi: ['create', 'patch'],
})
const pings = defineService({
  path: 'pings', result: Post, methods: ['get'],
  custom: { ping: { data: Type.Object({}), result: Type.Object({ at: Type.String() }) } },
  events: { 'pong': Type.Object({ at: Type.String() }) },
})

describe('emitClient', () => {
  const content = emitClient(modelOf({ Post, PostData, posts, pings })).content

  test('is client.ts with the generated header, importing only the client runtime and ./types.js', () => {
    const file = emitClient(modelOf({ Post, posts }))
    assert.equal(file.name, 'client.ts')
    assert.ok(isGenerated(file.content))
    const sources = [...content.matchAll(/from '([^']+)'/g)].map((match) => match[1])
    assert.deepEqual([...new Set(sources)].sort(), ['./types.js', 'feathers-sio-gen-runtime/client'])
    assert.doesNotMatch(content, /typebox|validators/i)
  })

  test('a path with placeholders: route is required, so params is too', () => {
    assert.match(content, /export interface UsersUserIdPostsClientParams \{\n {2}query\?: UsersUserIdPostsQuery\n {2}route: \{ userId: string \| number \}\n\}/)
    assert.match(content, /find<K extends RouteQueryKey = never>\(params: UsersUserIdPostsClientParams & \{ \[Q in K\]\?: unknown \} & \(NotSent extends K \? OnlyQueryCrossesTheSocket : unknown\)\): Promise<UsersUserIdPostsResult\[\]>/)
    assert.match(content, /get<K extends RouteQueryKey = never>\(id: UsersUserIdPostsId, params: UsersUserIdPostsClientParams & /)
  })

  test('update, multi create (array overload first) and multi patch by a generic id', () => {
    assert.match(content, /update<K extends RouteQueryKey = never>\(id: UsersUserIdPostsId, data: UsersUserIdPostsData, params: /)
    const arrayCreate = content.indexOf('create<K extends RouteQueryKey = never>(data: UsersUserIdPostsData[]')
    const singleCreate = content.indexOf('create<K extends RouteQueryKey = never>(data: UsersUserIdPostsData,')
    assert.ok(arrayCreate > 0 && singleCreate > arrayCreate)
    assert.match(content, /patch<I extends UsersUserIdPostsId \| null, K extends RouteQueryKey = never>\(id: I, data: UsersUserIdPostsPatch, params: .*Promise<I extends null \? UsersUserIdPostsResult\[\] : UsersUserIdPostsResult>/)
    assert.match(content, /remove<K extends RouteQueryKey = never>\(id: UsersUserIdPostsId, params: /)
  })

  test('events: the standard events of listed methods and the custom ones', () => {
    assert.match(content, /export interface UsersUserIdPostsEvents \{\n {2}created: UsersUserIdPostsResult\n {2}updated: UsersUserIdPostsResult\n {2}patched: UsersUserIdPostsResult\n {2}removed: UsersUserIdPostsResult\n\}/)
    assert.match(content, /export interface PingsEvents \{\n {2}pong: PingsPongEvent\n\}/)
    // The listeners name the shared aliases rather than spelling a generic method out per client.
    assert.match(content, /\n {2}on: ClientListen<PingsEvents, PingsClient>\n {2}once: ClientListen<PingsEvents, PingsClient>\n.*\n {2}off: ClientUnlisten<PingsEvents, PingsClient>\n {2}removeListener: ClientListen<PingsEvents, PingsClient>\n\}/)
  })

  test('custom methods: typed, optional params, registered after the standard methods', () => {
    assert.match(content, /ping<K extends QueryKey = never>\(data: PingsPingData, params\?: PingsClientParams & \{ \[Q in K\]\?: unknown \} & \(NotSent extends K \? OnlyQueryCrossesTheSocket : unknown\)\): Promise<PingsPingResult>/)
    assert.match(content, /'pings': \{ methods: \['get', 'ping'\] \},/)
    assert.match(content, /'users\/:userId\/posts': \{ methods: \['find', 'get', 'create', 'update', 'patch', 'remove'\] \},/)
    assert.match(content, /export interface ClientServices \{\n {2}'pings': PingsClient\n {2}'users\/:userId\/posts': UsersUserIdPostsClient\n\}/)
  })

  test('a service without events gets an empty event map; no model gives an empty client', () => {
    const quiet = defineService({ path: 'quiet', result: Post, methods: ['find'] })
    assert.match(emitClient(modelOf({ Post, quiet })).content, /export interface QuietEvents \{\}/)
    const empty = emitClient({ schemas: [], services: [], connection: undefined }).content
    assert.match(empty, /export interface ClientServices \{\}/)
    assert.doesNotMatch(empty, /from '\.\/types\.js'/)
  })

  test('is deterministic', () => {
    assert.equal(emitClient(modelOf({ Post, PostData, posts, pings })).content, content)
  })
})
