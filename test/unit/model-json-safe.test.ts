import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { defineConnection } from 'feathers-sio-gen'
import { diagnosticsOf, expectOne, Item, ItemData, service } from './model-helpers.js'

const crossing = (kind: string, fix: string) => `Type.${kind} cannot cross the socket; ${fix}`

const cases: [string, TSchema, string][] = [
  ['Date', Type.Date(), "use Type.String({ format: 'date-time' })"],
  ['Uint8Array', Type.Uint8Array(), "send bytes as a base64 string: Type.String({ contentEncoding: 'base64' })"],
  ['BigInt', Type.BigInt(), "use Type.Integer() or a decimal string: Type.String({ pattern: '^-?[0-9]+$' })"],
  ['Function', Type.Function([], Type.String()), 'functions are not data; remove it (a callable belongs in custom methods)'],
  ['Constructor', Type.Constructor([], Type.Object({})), 'constructors are not data; remove it'],
  ['Promise', Type.Promise(Type.String()), 'declare the resolved value instead (a service method awaits its promise before sending)'],
  ['Symbol', Type.Symbol(), 'use Type.String() or a Type.Literal(...) union'],
  ['Undefined', Type.Undefined(), 'use Type.Optional(...) for a property that may be missing, or Type.Null() (JSON has no undefined)'],
  ['Void', Type.Void(), 'use Type.Null(), or Type.Optional(...) for a property that may be missing (JSON has no undefined)'],
  ['Iterator', Type.Iterator(Type.String()), 'use Type.Array(...)'],
  ['AsyncIterator', Type.AsyncIterator(Type.String()), 'use Type.Array(...) (or a custom event per item)'],
]

for (const [kind, schema, fix] of cases) {
  test(`Type.${kind} inside data is reported with its property path`, () => {
    expectOne({ items: service({ data: Type.Object({ name: Type.String(), createdAt: schema }) }) }, {
      subject: 'items', path: 'data.createdAt', message: crossing(kind, fix),
    })
  })
}

test('Type.Unsafe has no runtime shape', () => {
  expectOne({ items: service({ result: Type.Object({ id: Type.Integer(), raw: Type.Unsafe<string>({ type: 'string' }) }) }) }, {
    subject: 'items', path: 'result.raw',
    message: 'Type.Unsafe has no runtime shape, so nothing can validate or clean it; describe the value with Type.* schemas',
  })
})

test('Type.Transform is reported', () => {
  const Trimmed = Type.Transform(Type.String()).Decode((value) => value.trim()).Encode((value) => value)
  expectOne({ items: service({ query: Type.Object({ name: Trimmed }) }) }, {
    subject: 'items', path: 'query.name',
    message: 'Type.Transform cannot cross the socket: its Decode/Encode functions never run on the wire; '
      + 'declare the JSON form that is sent instead',
  })
})

test('an unknown kind is reported', () => {
  expectOne({ items: service({ result: Type.Unsafe({ [Symbol.for('TypeBox.Kind')]: 'Money' } as never) }) }, {
    subject: 'items', path: 'result',
    message: "kind 'Money' is not a JSON kind feathers-sio-gen can compile; describe the value with Type.Object, Type.String, …",
  })
})

test('paths through arrays, tuples, records, unions, intersections and quoted keys', () => {
  const date = Type.Date()
  const found = diagnosticsOf({
    items: service({
      result: Type.Object({
        items: Type.Array(date),
        pair: Type.Tuple([Type.String(), date]),
        scores: Type.Record(Type.String(), date),
        either: Type.Union([Type.Null(), date]),
        both: Type.Intersect([Type.Object({ a: date }), Type.Object({ b: Type.String() })]),
        'first-seen': date,
        extra: Type.Object({}, { additionalProperties: date }),
      }),
    }),
  })
  assert.deepEqual(found.map((d) => d.path), [
    'result.both.a', 'result.either', 'result.extra{}', 'result.items[]', 'result.pair[1]', 'result.scores{}', 'result["first-seen"]',
  ])
})

test('every schema of a service is walked: id, patch, custom data/result, events', () => {
  const found = diagnosticsOf({
    items: service({
      id: Type.Union([Type.String(), Type.Integer()]),
      patch: Type.Object({ at: Type.Date() }),
      custom: { markRead: { data: Type.Object({ when: Type.Date() }), result: Type.Array(Type.BigInt()) } },
      events: { typing: Type.Object({ at: Type.Date() }) },
    }),
  })
  assert.deepEqual(found.map((d) => d.path), ['custom.markRead.data.when', 'custom.markRead.result[]', 'events.typing.at', 'patch.at'])
})

test('the connection schema is walked', () => {
  expectOne({ items: service(), connection: defineConnection(Type.Object({ since: Type.Date() })) }, {
    subject: 'connection', path: 'since', message: crossing('Date', "use Type.String({ format: 'date-time' })"),
  })
})

test('a bad named schema is reported once, under its own name', () => {
  const Stamp = Type.Object({ at: Type.Date() })
  const found = diagnosticsOf({
    Stamp,
    items: service({ result: Type.Object({ id: Type.Integer(), stamp: Stamp }), data: Type.Object({ stamp: Stamp }) }),
    connection: defineConnection(Type.Object({ stamp: Stamp })),
  })
  assert.deepEqual(found, [{ file: 'schemas/x.ts', subject: 'Stamp', path: 'at', message: crossing('Date', "use Type.String({ format: 'date-time' })") }])
})

test('recursive and shared sub-schemas are safe and every path is reported', () => {
  const Node = Type.Recursive((self) => Type.Object({ at: Type.Date(), children: Type.Array(self) }))
  const shared = Type.BigInt()
  const found = diagnosticsOf({ items: service({ result: Node, data: Type.Object({ a: shared, b: shared }) }) })
  assert.deepEqual(found.map((d) => d.path), ['data.a', 'data.b', 'result.at'])
})

test('a cyclic object graph does not hang the walk', () => {
  const loop = Type.Object({ name: Type.String() }) as TSchema & { properties: Record<string, TSchema> }
  loop.properties['self'] = loop
  assert.deepEqual(diagnosticsOf({ items: service({ result: loop, data: ItemData }) }), [])
  assert.ok(Item)
})

test('a Type.Optional copy of a bad named schema is not reported again', () => {
  const Stamp = Type.Object({ at: Type.Date() })
  const found = diagnosticsOf({ Stamp, items: service(), connection: defineConnection(Type.Object({ stamp: Type.Optional(Stamp) })) })
  assert.deepEqual(found.map((d) => [d.subject, d.path]), [['Stamp', 'at']])
})

test('an equal but separate leaf is still reported where it is used', () => {
  const found = diagnosticsOf({ When: Type.Date(), items: service({ data: Type.Object({ at: Type.Date() }) }) })
  assert.deepEqual(found.map((d) => [d.subject, d.path]), [['When', ''], ['items', 'data.at']])
})

test('the same problem twice at one path (two union variants) is one diagnostic', () => {
  const found = diagnosticsOf({ items: service({ data: Type.Object({ at: Type.Union([Type.Date(), Type.Date()]) }) }) })
  assert.deepEqual(found.map((d) => d.path), ['data.at'])
})

test('a property the server guard refuses in incoming data is reported, also inside a named schema', () => {
  const Meta = Type.Object({ constructor: Type.String() })
  const found = diagnosticsOf({
    Meta, items: service({ data: Type.Object({ name: Type.String(), meta: Meta }), result: Type.Object({ prototype: Type.String() }) }),
  })
  assert.deepEqual(found, [{
    file: 'schemas/x.ts', subject: 'items', path: 'data.meta.constructor',
    message: "property 'constructor' can never be sent: the server refuses __proto__, constructor, prototype keys in incoming ids, "
      + 'data and queries (prototype-pollution guard); rename it',
  }])
})
