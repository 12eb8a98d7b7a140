import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { defineConnection, querySyntax } from 'feathers-sio-gen'
import { buildModel } from '../../generator/model/build-model.js'
import { diagnosticsOf, expectOne, Item, service } from './model-helpers.js'

test('two different schemas exported under one name, naming both files', () => {
  const { diagnostics } = buildModel([
    { file: 'schemas/a.ts', exports: { Thing: Type.Object({ a: Type.String() }), items: service() } },
    { file: 'schemas/b.ts', exports: { Thing: Type.Object({ a: Type.String() }) } },
  ])
  assert.deepEqual(diagnostics, [{
    file: 'schemas/b.ts', subject: 'Thing', path: '',
    message: "two different schemas are exported as 'Thing', in schemas/a.ts and in schemas/b.ts; rename one (re-exporting the same schema is fine)",
  }])
})

test('the same schema re-exported under the same name is fine and listed once', () => {
  const { model, diagnostics } = buildModel([
    { file: 'schemas/a.ts', exports: { Item, items: service() } },
    { file: 'schemas/b.ts', exports: { Item } },
  ])
  assert.deepEqual(diagnostics, [])
  assert.deepEqual(model.schemas.map((s) => [s.name, s.file]), [['Item', 'schemas/a.ts']])
})

test('a named schema taking a name types.ts reserves', () => {
  expectOne({ Paginated: Type.Object({}), items: service() }, {
    subject: 'Paginated', path: '', message: "'Paginated' is a type name types.ts declares itself; rename the export",
  })
})

test('a named schema taking a generated per-service type name', () => {
  expectOne({ ItemsData: Type.Object({ other: Type.String() }), items: service() }, {
    subject: 'ItemsData', path: '',
    message: "'ItemsData' is the type name generated for the data of service 'items' (schemas/x.ts); rename the export "
      + '(or export the very schema used there)',
  })
})

test('a named schema that IS the schema in that role is fine', () => {
  const ItemsQuery = querySyntax(Item)
  assert.deepEqual(diagnosticsOf({ ItemsQuery, ItemsResult: Item, items: service({ query: ItemsQuery }) }), [])
})

test('a named schema taking a custom method type name', () => {
  expectOne({ ItemsMarkReadResult: Type.String(), items: service({ custom: { markRead: { data: Item, result: Item } } }) }, {
    subject: 'ItemsMarkReadResult', path: '',
    message: "'ItemsMarkReadResult' is the type name generated for the result of custom method 'markRead' of service 'items' "
      + '(schemas/x.ts); rename the export (or export the very schema used there)',
  })
})

test('a default export cannot name a type', () => {
  expectOne({ default: Type.Object({}), items: service() }, {
    subject: 'default', path: '',
    message: "export 'default' cannot name a generated type; export the schema under a PascalCase name such as 'User'",
  })
})

test('two services generating the same type names', () => {
  const found = diagnosticsOf({ a: service({ path: 'a', custom: { bc: { data: Item, result: Item } } }), b: service({ path: 'a-bc' }) })
  assert.deepEqual(found, ['data', 'result'].map((role) => ({
    file: 'schemas/x.ts', subject: 'a-bc', path: '',
    message: `the type name 'ABc${role === 'data' ? 'Data' : 'Result'}' would be generated twice: for the ${role} of custom method 'bc' `
      + `of 'a' (schemas/x.ts) and for the ${role} of 'a-bc'; rename a path, custom method or event`,
  })))
})

test('more than one defineConnection names both files', () => {
  const { diagnostics } = buildModel([
    { file: 'schemas/a.ts', exports: { connection: defineConnection(Type.Object({})), items: service() } },
    { file: 'schemas/b.ts', exports: { socket: defineConnection(Type.Object({})) } },
  ])
  assert.deepEqual(diagnostics, [{
    file: 'schemas/b.ts', subject: 'socket', path: '',
    message: "more than one defineConnection(...): 'connection' in schemas/a.ts and 'socket' in schemas/b.ts; keep one (socket.feathers has one shape)",
  }])
})

test('a connection schema that is not an object', () => {
  expectOne({ connection: defineConnection(Type.String()), items: service() }, {
    subject: 'connection', path: '',
    message: 'the connection schema must be Type.Object({ … }) (its properties become fields of params), got Type.String',
  })
})

test('defineConnection given something that is not a schema', () => {
  expectOne({ connection: defineConnection({ user: 'x' } as never), items: service() }, {
    subject: 'connection', path: '',
    message: "defineConnection(...) needs a TypeBox schema such as Type.Object({ user: Type.Optional(User) }), got a plain object without TypeBox's Kind (build it with Type.*)",
  })
})
