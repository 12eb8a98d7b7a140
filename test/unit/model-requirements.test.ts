import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { querySyntax } from 'feathers-sio-gen'
import { diagnosticsOf, expectOne, Item, ItemData, service } from './model-helpers.js'
import assert from 'node:assert/strict'

test('create listed without data', () => {
  expectOne({ items: service({ data: undefined, methods: ['find', 'create'] }) }, {
    subject: 'items', path: 'data',
    message: "'create' is listed but `data` is missing; add data: Type.Object({ … }) (what create and update accept)",
  })
})

test('create and update listed without data: one diagnostic', () => {
  expectOne({ items: service({ data: undefined, methods: ['create', 'update'] }) }, {
    subject: 'items', path: 'data',
    message: "'create' and 'update' are listed but `data` is missing; add data: Type.Object({ … }) (what create and update accept)",
  })
})

test('patch listed with neither patch nor data', () => {
  expectOne({ items: service({ data: undefined, methods: ['patch'] }) }, {
    subject: 'items', path: 'patch',
    message: "'patch' is listed but neither `patch` nor `data` is given; add patch: Type.Object({ … }) "
      + '(it defaults to Partial(data) when data is given)',
  })
})

test('patch listed with only data that Partial cannot make partial', () => {
  expectOne({ items: service({ data: Type.String(), methods: ['patch'] }) }, {
    subject: 'items', path: 'patch',
    message: "'patch' is listed without `patch`, and its default Partial(data) can't be built from Type.String; "
      + 'add patch: Type.Object({ … })',
  })
})

test('patch from a recursive data schema needs an explicit patch', () => {
  const Tree = Type.Recursive((node) => Type.Object({ name: Type.String(), children: Type.Array(node) }))
  expectOne({ items: service({ data: Tree, methods: ['patch'] }) }, {
    subject: 'items', path: 'patch',
    message: "'patch' is listed without `patch`, and its default Partial(data) can't be built from a Type.Recursive; "
      + 'add patch: Type.Object({ … })',
  })
})

test('multi naming a method that is not listed', () => {
  expectOne({ items: service({ methods: ['find', 'create'], multi: ['create', 'remove'] }) }, {
    subject: 'items', path: 'multi[1]',
    message: "multi names 'remove', which is not in `methods`; list it there or drop it from multi",
  })
})

test('multi naming a method that cannot be multi', () => {
  expectOne({ items: service({ multi: ['find'] }) }, {
    subject: 'items', path: 'multi[0]', message: "multi may name only 'create', 'patch' or 'remove', not the string \"find\"",
  })
})

test('multi naming a method twice', () => {
  expectOne({ items: service({ multi: ['remove', 'remove'] }) }, {
    subject: 'items', path: 'multi[1]', message: "multi names 'remove' twice; name it once",
  })
})

test('a query that is not an object schema', () => {
  expectOne({ items: service({ query: Type.Array(Type.String()) }) }, {
    subject: 'items', path: 'query',
    message: '`query` must be an object schema (Type.Object({ … }) or querySyntax(…)), got Type.Array',
  })
})

test('an id that is not string- or number-like', () => {
  expectOne({ items: service({ id: Type.Object({ a: Type.String() }) }) }, {
    subject: 'items', path: 'id',
    message: '`id` must be a string or number schema (Type.String(), Type.Integer(), Type.Number(), or a literal or union '
      + 'of those), got Type.Object',
  })
})

test('an id union containing a boolean is rejected', () => {
  const found = diagnosticsOf({ items: service({ id: Type.Union([Type.String(), Type.Boolean()]) }) })
  assert.deepEqual(found.map((d) => [d.path, d.message.slice(0, 40)]), [['id', '`id` must be a string or number schema (']])
})

test('ids, queries, paginate and multi that are fine', () => {
  const ids = [Type.String(), Type.Integer(), Type.Number(), Type.Literal('me'), Type.Union([Type.Literal(1), Type.String()]),
    Type.String({ format: 'uuid' })]
  for (const id of ids) {
    assert.deepEqual(diagnosticsOf({ items: service({ id, query: querySyntax(Item), paginate: true, multi: true }) }), [])
  }
  // paginate without find is allowed: harmless, and Feathers allows it too.
  assert.deepEqual(diagnosticsOf({ items: service({ methods: ['get'], paginate: true, data: ItemData }) }), [])
})
