import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { defineConnection } from 'feathers-sio-gen'
import { buildModel } from '../../generator/model/build-model.js'
import { formatDiagnostic } from '../../generator/model/format-diagnostic.js'
import * as connection from '../../schemas/connection.js'
import * as messages from '../../schemas/messages.js'
import * as users from '../../schemas/users.js'
import { diagnosticsOf, Item, ItemData, service } from './model-helpers.js'

test('the sample schemas build with no diagnostics', () => {
  const { model, diagnostics } = buildModel([
    { file: 'schemas/connection.ts', exports: connection },
    { file: 'schemas/messages.ts', exports: messages },
    { file: 'schemas/users.ts', exports: users },
  ])
  assert.deepEqual(diagnostics, [])
  assert.deepEqual(model.services.map((s) => s.path), ['messages', 'users'])
  assert.deepEqual(model.schemas.map((s) => s.name), ['Message', 'MessageData', 'MessageQuery', 'User', 'UserData', 'UserQuery'])
  assert.equal(model.connection?.schema, connection.connection.schema)
  const messageService = model.services[0]!
  assert.deepEqual(messageService.multi, ['remove'])
  assert.equal(messageService.paginate, true)
  assert.equal(messageService.query, messages.MessageQuery)
  assert.deepEqual(messageService.custom.map((c) => c.name), ['markRead'])
  assert.deepEqual(messageService.events.map((e) => e.name), ['typing'])
})

test('a valid model from several modules has zero diagnostics', () => {
  const Post = Type.Object({ id: Type.String(), body: Type.String(), tags: Type.Array(Type.String()) }, { $id: 'Post' })
  const { model, diagnostics } = buildModel([
    { file: 'schemas/a/posts.ts', exports: { Post, posts: service({ path: 'users/:userId/posts', result: Post, id: Type.String() }) } },
    { file: 'schemas/b/items.ts', exports: { Item, ItemData, items: service({ multi: true, paginate: true }) } },
    { file: 'schemas/c/feed.ts', exports: { feed: service({ path: 'feed', result: Type.Object({ post: Type.Ref('Post') }), data: undefined, methods: ['find'] }) } },
    { file: 'schemas/d/conn.ts', exports: { connection: defineConnection(Type.Object({ user: Type.Optional(Item) })), helper: () => 1 } },
  ])
  assert.deepEqual(diagnostics, [])
  assert.deepEqual(model.services.map((s) => s.path), ['feed', 'items', 'users/:userId/posts'])
  assert.deepEqual(model.schemas.map((s) => s.name), ['Item', 'ItemData', 'Post'])
  assert.equal(model.connection?.file, 'schemas/d/conn.ts')
})

test('all problems of a module are reported in one run', () => {
  const found = diagnosticsOf({
    items: service({ path: '/items', paginated: true, data: Type.Object({ createdAt: Type.Date() }) }),
  })
  assert.deepEqual(found.map(formatDiagnostic), [
    "schemas/x.ts: /items: data.createdAt: Type.Date cannot cross the socket; use Type.String({ format: 'date-time' })",
    "schemas/x.ts: /items: paginated: unknown option 'paginated'; did you mean 'paginate'? known options are path, id, result, "
      + 'data, patch, query, methods, paginate, multi, custom, events',
    "schemas/x.ts: /items: path: path '/items' starts with a slash; write 'items' (Feathers strips it, so names would not match)",
  ])
})

test('problems across modules are all reported, sorted by file', () => {
  const { diagnostics } = buildModel([
    { file: 'schemas/b.ts', exports: { b: service({ path: 'b', methods: [] }) } },
    { file: 'schemas/a.ts', exports: { a: service({ path: 'a', result: 'x' }) } },
  ])
  assert.deepEqual(diagnostics.map((d) => [d.file, d.subject, d.path]), [['schemas/a.ts', 'a', 'result'], ['schemas/b.ts', 'b', 'methods']])
})

test('a module that failed to load becomes a diagnostic with its message', () => {
  const { diagnostics } = buildModel([
    { file: 'schemas/a.ts', exports: { items: service() } },
    { file: 'schemas/broken.ts', error: 'SyntaxError: Unexpected token (3:7)' },
  ])
  assert.deepEqual(diagnostics, [{ file: 'schemas/broken.ts', subject: undefined, path: '', message: 'SyntaxError: Unexpected token (3:7)' }])
  assert.equal(formatDiagnostic(diagnostics[0]!), 'schemas/broken.ts: SyntaxError: Unexpected token (3:7)')
})

test('a directory with no services', () => {
  const { diagnostics } = buildModel([{ file: 'schemas/a.ts', exports: { Item } }])
  assert.deepEqual(diagnostics, [{ file: '', subject: undefined, path: '', message: 'no defineService(...) export found' }])
  assert.deepEqual(buildModel([]).diagnostics.map((d) => d.message), ['no defineService(...) export found'])
})

test('no "no services" diagnostic when a module failed to load (its services are unknown)', () => {
  const { diagnostics } = buildModel([{ file: 'schemas/a.ts', error: 'Error: boom' }])
  assert.deepEqual(diagnostics.map((d) => d.message), ['Error: boom'])
})

test('buildModel never throws on hostile input', () => {
  const weird = [null, 5, 'x', [], {}, Type.Date()]
  for (const value of weird) {
    for (const key of ['path', 'id', 'result', 'data', 'patch', 'query', 'methods', 'paginate', 'multi', 'custom', 'events']) {
      const found = diagnosticsOf({ items: service({ [key]: value }) })
      assert.ok(Array.isArray(found))
    }
  }
  assert.ok(ItemData)
})

test('a service or connection re-exported from an index module counts once', () => {
  const items = service()
  const connection = defineConnection(Type.Object({}))
  const { model, diagnostics } = buildModel([
    { file: 'schemas/index.ts', exports: { items, connection, Item } },
    { file: 'schemas/items.ts', exports: { items, alias: items, connection, Item } },
  ])
  assert.deepEqual(diagnostics, [])
  assert.deepEqual(model.services.map((s) => [s.path, s.file, s.exportName]), [['items', 'schemas/index.ts', 'items']])
  assert.equal(model.connection?.file, 'schemas/index.ts')
})
