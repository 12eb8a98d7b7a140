import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { defineConnection, defineService, querySyntax } from 'feathers-sio-gen'
import { buildModel } from '../../generator/model/build-model.js'
import type { LoadedModule } from '../../generator/model/model.js'

const Item = Type.Object({ id: Type.Integer(), name: Type.String() }, { additionalProperties: false })
const ItemData = Type.Object({ name: Type.String() }, { additionalProperties: false })

/** The one service of a module, built alone. */
function serviceOf(definition: Record<string, unknown>) {
  const { model, diagnostics } = buildModel([
    { file: 'schemas/x.ts', exports: { svc: defineService(definition as never) } },
  ])
  assert.deepEqual(diagnostics, [])
  assert.equal(model.services.length, 1)
  return model.services[0]!
}

test('patch defaults to Partial(data)', () => {
  const service = serviceOf({ path: 'items', result: Item, data: ItemData, methods: ['patch'] })
  assert.deepEqual(service.patch, Type.Partial(ItemData))
  assert.equal(service.data, ItemData)
})

test('an explicit patch is kept as it is', () => {
  const patch = Type.Object({ name: Type.Optional(Type.String()) })
  const service = serviceOf({ path: 'items', result: Item, data: ItemData, patch, methods: ['patch'] })
  assert.equal(service.patch, patch)
})

test('no data and no patch: both undefined', () => {
  const service = serviceOf({ path: 'items', result: Item, methods: ['find'] })
  assert.equal(service.data, undefined)
  assert.equal(service.patch, undefined)
})

test('id defaults to string | number; query to a closed empty object', () => {
  const service = serviceOf({ path: 'items', result: Item, methods: ['get'] })
  assert.deepEqual(service.id, Type.Union([Type.String(), Type.Number()]))
  assert.deepEqual(service.query, Type.Object({}, { additionalProperties: false }))
  assert.equal(service.paginate, false)
  assert.deepEqual(service.multi, [])
})

test('an explicit query and id are kept', () => {
  const query = querySyntax(Type.Pick(Item, ['id']))
  const id = Type.Integer()
  const service = serviceOf({ path: 'items', id, result: Item, query, methods: ['find'], paginate: true })
  assert.equal(service.query, query)
  assert.equal(service.id, id)
  assert.equal(service.paginate, true)
})

test('methods come back in canonical order', () => {
  const service = serviceOf({
    path: 'items', result: Item, data: ItemData, methods: ['remove', 'create', 'find', 'patch', 'update', 'get'],
  })
  assert.deepEqual(service.methods, ['find', 'get', 'create', 'update', 'patch', 'remove'])
})

test('multi: true means create, patch and remove, limited to the listed ones', () => {
  const service = serviceOf({ path: 'items', result: Item, data: ItemData, methods: ['remove', 'create'], multi: true })
  assert.deepEqual(service.multi, ['create', 'remove'])
})

test('a multi list comes back in canonical order', () => {
  const service = serviceOf({
    path: 'items', result: Item, data: ItemData, methods: ['create', 'patch', 'remove'], multi: ['remove', 'create'],
  })
  assert.deepEqual(service.multi, ['create', 'remove'])
})

test('custom methods and events are sorted by name, with PascalCase names', () => {
  const service = serviceOf({
    path: 'items', result: Item, methods: ['find'],
    custom: { zap: { data: ItemData, result: Item }, markRead: { data: ItemData, result: Item } },
    events: { typing: Item, stoppedTyping: Item },
  })
  assert.deepEqual(service.custom.map((c) => [c.name, c.pascal]), [['markRead', 'MarkRead'], ['zap', 'Zap']])
  assert.deepEqual(service.events.map((e) => [e.name, e.pascal]), [['stoppedTyping', 'StoppedTyping'], ['typing', 'Typing']])
  assert.equal(service.custom[0]!.data, ItemData)
})

test('route placeholders and PascalCase of the path', () => {
  const service = serviceOf({ path: 'users/:userId/posts/:postId/likes', result: Item, methods: ['find'] })
  assert.deepEqual(service.routeParams, ['userId', 'postId'])
  assert.equal(service.pascal, 'UsersUserIdPostsPostIdLikes')
  assert.equal(service.file, 'schemas/x.ts')
  assert.equal(service.exportName, 'svc')
})

test('services sort by path, named schemas by name; the connection is found', () => {
  const modules: LoadedModule[] = [
    { file: 'schemas/a.ts', exports: { Zed: Item, zeta: defineService({ path: 'zeta', result: Item, methods: ['find'] }) } },
    {
      file: 'schemas/b.ts',
      exports: {
        Alpha: ItemData, Zed: Item, alpha: defineService({ path: 'alpha', result: Item, methods: ['get'] }),
        connection: defineConnection(Type.Object({ user: Type.Optional(Item) })), helper: 42,
      },
    },
  ]
  const { model, diagnostics } = buildModel(modules)
  assert.deepEqual(diagnostics, [])
  assert.deepEqual(model.services.map((s) => s.path), ['alpha', 'zeta'])
  assert.deepEqual(model.schemas.map((s) => [s.name, s.file]), [['Alpha', 'schemas/b.ts'], ['Zed', 'schemas/a.ts']])
  assert.equal(model.connection?.file, 'schemas/b.ts')
  assert.equal(model.connection?.exportName, 'connection')
})

test('no default patch when data cannot be made partial and patch is not listed', () => {
  const { model, diagnostics } = buildModel([{
    file: 'schemas/x.ts',
    exports: {
      Item: Type.Object({ name: Type.String() }, { $id: 'Item' }),
      svc: defineService({ path: 'items', result: Item, data: Type.Ref('Item'), methods: ['create'] }),
    },
  }])
  assert.deepEqual(diagnostics, [])
  assert.equal(model.services[0]!.patch, undefined)
})

test('a union of object data schemas gets Partial of the union', () => {
  const data = Type.Union([ItemData, Type.Object({ other: Type.Integer() })])
  const service = serviceOf({ path: 'items', result: Item, data, methods: ['patch'] })
  assert.deepEqual(service.patch, Type.Partial(data))
})
