// The corpus of old/new pairs for `compare`, each with its expected verdict: every rule of
// SPEC §9 in both directions (what clients send, what they receive), plus what must change nothing.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { compare } from '../../generator/compare/compare.js'
import type { Verdict } from '../../generator/compare/change.js'
import { querySyntax } from 'feathers-sio-gen'
import { defineConnection, items, Item, ItemData, modelOf, overall, Type } from './compare-helpers.js'

interface Case {
  name: string
  old: Record<string, unknown>
  new: Record<string, unknown>
  verdict: Verdict | 'none'
  /** A change that must be among those found. */
  expect?: { where: string; path?: string; verdict: Verdict; message?: RegExp }
}

const S = Type.String()
const closed = { additionalProperties: false } as const
const data = (props: Record<string, unknown>, options: object = closed) => ({ items: items({ data: Type.Object(props as never, options) }) })
const result = (props: Record<string, unknown>, options: object = closed) => ({ items: items({ result: Type.Object(props as never, options) }) })
const base = { items: items() }
const status = (...values: string[]) => Type.Union(values.map((v) => Type.Literal(v)))

const cases: Case[] = [
  // ── what clients send (data, patch, query, custom data): narrowing breaks ─────────────────
  { name: 'data: a new required field breaks', old: data({ name: S }), new: data({ name: S, owner: S }), verdict: 'breaking', expect: { where: 'data', path: 'owner', verdict: 'breaking', message: /new required/ } },
  { name: 'data: a new optional field is safe', old: data({ name: S }), new: data({ name: S, owner: Type.Optional(S) }), verdict: 'safe', expect: { where: 'data', path: 'owner', verdict: 'safe' } },
  { name: 'data: required → optional is safe', old: data({ name: S }), new: data({ name: Type.Optional(S) }), verdict: 'safe', expect: { where: 'data', path: 'name', verdict: 'safe', message: /required → optional/ } },
  { name: 'data: optional → required breaks', old: data({ name: Type.Optional(S) }), new: data({ name: S }), verdict: 'breaking', expect: { where: 'data', path: 'name', verdict: 'breaking', message: /optional → required/ } },
  { name: 'data: an enum value removed breaks', old: data({ s: status('a', 'b') }), new: data({ s: status('a') }), verdict: 'breaking', expect: { where: 'data', path: 's', verdict: 'breaking', message: /value "b" removed/ } },
  { name: 'data: an enum value added is safe', old: data({ s: status('a', 'b') }), new: data({ s: status('a', 'b', 'c') }), verdict: 'safe', expect: { where: 'data', path: 's', verdict: 'safe', message: /value "c" added/ } },
  { name: 'data: Type.Enum value removed breaks', old: data({ s: Type.Enum({ A: 'a', B: 'b' }) }), new: data({ s: Type.Enum({ A: 'a' }) }), verdict: 'breaking', expect: { where: 'data', path: 's', verdict: 'breaking' } },
  { name: 'data: a union branch removed breaks', old: data({ v: Type.Union([S, Type.Integer()]) }), new: data({ v: S }), verdict: 'breaking', expect: { where: 'data', path: 'v', verdict: 'breaking', message: /alternative integer removed/ } },
  { name: 'data: a union branch added is safe', old: data({ v: S }), new: data({ v: Type.Union([S, Type.Boolean()]) }), verdict: 'safe', expect: { where: 'data', path: 'v', verdict: 'safe', message: /alternative boolean added/ } },
  { name: 'data: a constraint added breaks', old: data({ name: S }), new: data({ name: Type.String({ maxLength: 50 }) }), verdict: 'breaking', expect: { where: 'data', path: 'name', verdict: 'breaking', message: /maxLength 50 added/ } },
  { name: 'data: a maximum lowered breaks', old: data({ n: Type.Integer({ maximum: 10 }) }), new: data({ n: Type.Integer({ maximum: 5 }) }), verdict: 'breaking', expect: { where: 'data', path: 'n', verdict: 'breaking', message: /lowered from 10 to 5/ } },
  { name: 'data: a minimum raised breaks', old: data({ n: Type.Integer({ minimum: 0 }) }), new: data({ n: Type.Integer({ minimum: 1 }) }), verdict: 'breaking', expect: { where: 'data', path: 'n', verdict: 'breaking' } },
  { name: 'data: a constraint loosened is safe', old: data({ name: Type.String({ maxLength: 50 }) }), new: data({ name: Type.String({ maxLength: 80 }) }), verdict: 'safe', expect: { where: 'data', path: 'name', verdict: 'safe', message: /raised from 50 to 80/ } },
  { name: 'data: a constraint removed is safe', old: data({ name: Type.String({ minLength: 1 }) }), new: data({ name: S }), verdict: 'safe', expect: { where: 'data', path: 'name', verdict: 'safe' } },
  { name: 'data: a pattern changed breaks (cannot be proven looser)', old: data({ code: Type.String({ pattern: '^[a-z]+$' }) }), new: data({ code: Type.String({ pattern: '^[a-z0-9]+$' }) }), verdict: 'breaking', expect: { where: 'data', path: 'code', verdict: 'breaking', message: /pattern changed/ } },
  { name: 'data: a format added breaks', old: data({ at: S }), new: data({ at: Type.String({ format: 'date-time' }) }), verdict: 'breaking', expect: { where: 'data', path: 'at', verdict: 'breaking' } },
  { name: 'data: a type changed breaks', old: data({ n: S }), new: data({ n: Type.Integer() }), verdict: 'breaking', expect: { where: 'data', path: 'n', verdict: 'breaking', message: /type changed from string to integer/ } },
  { name: 'data: integer → number is safe', old: data({ n: Type.Integer() }), new: data({ n: Type.Number() }), verdict: 'safe', expect: { where: 'data', path: 'n', verdict: 'safe' } },
  { name: 'data: number → integer breaks', old: data({ n: Type.Number() }), new: data({ n: Type.Integer() }), verdict: 'breaking', expect: { where: 'data', path: 'n', verdict: 'breaking' } },
  { name: 'data: a literal widened to its type is safe', old: data({ kind: Type.Literal('a') }), new: data({ kind: S }), verdict: 'safe', expect: { where: 'data', path: 'kind', verdict: 'safe' } },
  { name: 'data: a property removed where extra properties are refused breaks', old: data({ name: S, note: Type.Optional(S) }), new: data({ name: S }), verdict: 'breaking', expect: { where: 'data', path: 'note', verdict: 'breaking', message: /refused/ } },
  { name: 'data: a property removed where extra properties are allowed is a warning', old: data({ name: S, note: Type.Optional(S) }, {}), new: data({ name: S }, {}), verdict: 'warning', expect: { where: 'data', path: 'note', verdict: 'warning' } },
  { name: 'data: nullable → not nullable breaks', old: data({ note: Type.Union([S, Type.Null()]) }), new: data({ note: S }), verdict: 'breaking', expect: { where: 'data', path: 'note', verdict: 'breaking', message: /no longer nullable/ } },
  { name: 'data: becoming nullable is safe', old: data({ note: S }), new: data({ note: Type.Union([S, Type.Null()]) }), verdict: 'safe', expect: { where: 'data', path: 'note', verdict: 'safe', message: /becomes nullable/ } },
  { name: 'data: extra properties refused breaks', old: data({ name: S }, {}), new: data({ name: S }), verdict: 'breaking', expect: { where: 'data', path: '', verdict: 'breaking', message: /now refused/ } },
  { name: 'data: extra properties allowed is safe', old: data({ name: S }), new: data({ name: S }, {}), verdict: 'safe', expect: { where: 'data', path: '', verdict: 'safe', message: /now allowed/ } },
  { name: 'data: a nested array item tightened breaks', old: data({ tags: Type.Array(S) }), new: data({ tags: Type.Array(Type.String({ minLength: 2 })) }), verdict: 'breaking', expect: { where: 'data', path: 'tags[]', verdict: 'breaking' } },
  { name: 'patch: a new required field breaks', old: { items: items({ patch: Type.Object({ name: Type.Optional(S) }) }) }, new: { items: items({ patch: Type.Object({ name: Type.Optional(S), why: S }) }) }, verdict: 'breaking', expect: { where: 'patch', path: 'why', verdict: 'breaking' } },
  { name: 'query: a filterable property removed breaks', old: base, new: { items: items({ query: Type.Object({ id: Type.Optional(Type.Integer()) }, closed) }) }, verdict: 'breaking', expect: { where: 'query', path: 'name', verdict: 'breaking' } },
  { name: 'query: a filterable property added is safe', old: { items: items({ query: Type.Object({ id: Type.Optional(Type.Integer()) }, closed) }) }, new: { items: items({ query: Type.Object({ id: Type.Optional(Type.Integer()), name: Type.Optional(S) }, closed) }) }, verdict: 'safe', expect: { where: 'query', path: 'name', verdict: 'safe' } },
  { name: 'query (querySyntax): a property no longer queryable is one line, naming its other places', old: base, new: { items: items({ query: querySyntax(Type.Pick(Item(), ['id'])) }) }, verdict: 'breaking', expect: { where: 'query', path: 'name', verdict: 'breaking', message: /property removed .*\(also at \$sort\.name, \$or\[\]\.name\)$/ } },
  { name: 'query (querySyntax): a tightened property is one line, not one per operator', old: { items: items({ query: querySyntax(Type.Object({ n: Type.Integer() })) }) }, new: { items: items({ query: querySyntax(Type.Object({ n: Type.Integer({ minimum: 1 }) })) }) }, verdict: 'breaking', expect: { where: 'query', path: 'n', verdict: 'breaking', message: /^minimum 1 added \(also at n\.\$gt, n\.\$gte, / } },
  { name: 'custom data: a constraint tightened breaks', old: base, new: { items: items({ custom: { touch: { data: Type.Object({ ids: Type.Array(Type.Integer(), { maxItems: 5 }) }, closed), result: Type.Object({ touched: Type.Integer() }, closed) } } }) }, verdict: 'breaking', expect: { where: 'custom touch data', path: 'ids', verdict: 'breaking', message: /maxItems lowered/ } },
  { name: 'custom data: a constraint loosened is safe', old: base, new: { items: items({ custom: { touch: { data: Type.Object({ ids: Type.Array(Type.Integer(), { maxItems: 50 }) }, closed), result: Type.Object({ touched: Type.Integer() }, closed) } } }) }, verdict: 'safe', expect: { where: 'custom touch data', path: 'ids', verdict: 'safe' } },
  { name: 'id: narrowing breaks', old: { items: items({ id: Type.Union([S, Type.Integer()]) }) }, new: base, verdict: 'breaking', expect: { where: 'id', verdict: 'breaking' } },
  { name: 'id: widening breaks too (ids travel both ways)', old: base, new: { items: items({ id: Type.Number() }) }, verdict: 'breaking', expect: { where: 'id', verdict: 'breaking' } },

  // ── what clients receive (results, events, custom results): widening breaks ───────────────
  { name: 'result: an enum value added breaks', old: base, new: result({ id: Type.Integer(), name: Type.String({ maxLength: 100 }), status: status('open', 'done', 'archived'), note: Type.Optional(S) }), verdict: 'breaking', expect: { where: 'result', path: 'status', verdict: 'breaking', message: /"archived" added/ } },
  { name: 'result: an enum value removed is safe', old: base, new: result({ id: Type.Integer(), name: Type.String({ maxLength: 100 }), status: status('open'), note: Type.Optional(S) }), verdict: 'safe', expect: { where: 'result', path: 'status', verdict: 'safe' } },
  { name: 'result: required → optional breaks', old: result({ id: Type.Integer(), name: S }), new: result({ id: Type.Integer(), name: Type.Optional(S) }), verdict: 'breaking', expect: { where: 'result', path: 'name', verdict: 'breaking' } },
  { name: 'result: optional → required is safe', old: result({ id: Type.Integer(), name: Type.Optional(S) }), new: result({ id: Type.Integer(), name: S }), verdict: 'safe', expect: { where: 'result', path: 'name', verdict: 'safe' } },
  { name: 'result: a property removed breaks', old: result({ id: Type.Integer(), name: S }), new: result({ id: Type.Integer() }), verdict: 'breaking', expect: { where: 'result', path: 'name', verdict: 'breaking', message: /removed/ } },
  { name: 'result: an optional property removed breaks too', old: result({ id: Type.Integer(), note: Type.Optional(S) }, {}), new: result({ id: Type.Integer() }, {}), verdict: 'breaking', expect: { where: 'result', path: 'note', verdict: 'breaking' } },
  { name: 'result: a property added is safe', old: result({ id: Type.Integer() }), new: result({ id: Type.Integer(), name: S }), verdict: 'safe', expect: { where: 'result', path: 'name', verdict: 'safe' } },
  { name: 'result: becoming nullable breaks', old: result({ id: Type.Integer(), name: S }), new: result({ id: Type.Integer(), name: Type.Union([S, Type.Null()]) }), verdict: 'breaking', expect: { where: 'result', path: 'name', verdict: 'breaking', message: /becomes nullable/ } },
  { name: 'result: no longer nullable is safe', old: result({ id: Type.Integer(), name: Type.Union([S, Type.Null()]) }), new: result({ id: Type.Integer(), name: S }), verdict: 'safe', expect: { where: 'result', path: 'name', verdict: 'safe' } },
  { name: 'result: a type widened breaks', old: result({ id: Type.Integer() }), new: result({ id: Type.Number() }), verdict: 'breaking', expect: { where: 'result', path: 'id', verdict: 'breaking' } },
  { name: 'result: a type narrowed is safe', old: result({ id: Type.Number() }), new: result({ id: Type.Integer() }), verdict: 'safe', expect: { where: 'result', path: 'id', verdict: 'safe' } },
  { name: 'result: a type changed breaks', old: result({ id: Type.Integer() }), new: result({ id: S }), verdict: 'breaking', expect: { where: 'result', path: 'id', verdict: 'breaking' } },
  { name: 'result: a constraint added is safe', old: result({ name: S }), new: result({ name: Type.String({ maxLength: 9 }) }), verdict: 'safe', expect: { where: 'result', path: 'name', verdict: 'safe' } },
  { name: 'result: a constraint removed breaks', old: result({ name: Type.String({ maxLength: 9 }) }), new: result({ name: S }), verdict: 'breaking', expect: { where: 'result', path: 'name', verdict: 'breaking' } },
  { name: 'result: a union branch added breaks', old: result({ v: S }), new: result({ v: Type.Union([S, Type.Integer()]) }), verdict: 'breaking', expect: { where: 'result', path: 'v', verdict: 'breaking' } },
  { name: 'event: a custom event payload widened breaks', old: base, new: { items: items({ events: { pinged: Type.Object({ at: S }, closed) } }) }, verdict: 'breaking', expect: { where: 'event pinged', path: 'at', verdict: 'breaking', message: /format "date-time" removed/ } },
  { name: 'event: a custom event payload narrowed is safe', old: { items: items({ events: { pinged: Type.Object({ at: S }, closed) } }) }, new: base, verdict: 'safe', expect: { where: 'event pinged', path: 'at', verdict: 'safe' } },
  { name: 'custom result: a property removed breaks', old: base, new: { items: items({ custom: { touch: { data: Type.Object({ ids: Type.Array(Type.Integer(), { maxItems: 10 }) }, closed), result: Type.Object({}, closed) } } }) }, verdict: 'breaking', expect: { where: 'custom touch result', path: 'touched', verdict: 'breaking' } },

  // ── a schema used both ways follows both rules ─────────────────────────────────────────
  { name: 'shared schema: a value added breaks the result side only', old: shared(status('a', 'b')), new: shared(status('a', 'b', 'c')), verdict: 'breaking', expect: { where: 'result', path: 'kind', verdict: 'breaking' } },
  { name: 'shared schema: a value removed breaks the data side only', old: shared(status('a', 'b')), new: shared(status('a')), verdict: 'breaking', expect: { where: 'data', path: 'kind', verdict: 'breaking' } },

  // ── services, methods, custom methods, events, id, paginate, multi ────────────────────
  { name: 'a service removed breaks', old: { items: items(), other: items({ path: 'other' }) }, new: base, verdict: 'breaking', expect: { where: 'service', verdict: 'breaking', message: /service removed/ } },
  { name: 'a service added is safe', old: base, new: { items: items(), other: items({ path: 'other' }) }, verdict: 'safe', expect: { where: 'service', verdict: 'safe', message: /service added/ } },
  { name: 'a renamed service path breaks (removed, then added)', old: base, new: { items: items({ path: 'things' }) }, verdict: 'breaking', expect: { where: 'service', verdict: 'breaking' } },
  { name: 'a method removed breaks (and its event)', old: base, new: { items: items({ methods: ['find', 'get', 'create', 'update', 'patch'] }) }, verdict: 'breaking', expect: { where: 'event removed', verdict: 'breaking' } },
  { name: 'a method added is safe', old: { items: items({ methods: ['find', 'get'] }) }, new: { items: items({ methods: ['find', 'get', 'remove'] }) }, verdict: 'safe', expect: { where: 'method remove', verdict: 'safe' } },
  { name: 'a custom method removed breaks', old: base, new: { items: items({ custom: {} }) }, verdict: 'breaking', expect: { where: 'custom method touch', verdict: 'breaking' } },
  { name: 'a custom method renamed breaks', old: base, new: { items: items({ custom: { poke: { data: Type.Object({}), result: Type.Object({}) } } }) }, verdict: 'breaking', expect: { where: 'custom method touch', verdict: 'breaking' } },
  { name: 'a custom method added is safe', old: { items: items({ custom: {} }) }, new: base, verdict: 'safe', expect: { where: 'custom method touch', verdict: 'safe' } },
  { name: 'a custom event removed breaks', old: base, new: { items: items({ events: {} }) }, verdict: 'breaking', expect: { where: 'event pinged', verdict: 'breaking' } },
  { name: 'a custom event added is safe', old: { items: items({ events: {} }) }, new: base, verdict: 'safe', expect: { where: 'event pinged', verdict: 'safe' } },
  { name: 'paginate turned on breaks', old: base, new: { items: items({ paginate: true }) }, verdict: 'breaking', expect: { where: 'paginate', verdict: 'breaking' } },
  { name: 'paginate turned off breaks', old: { items: items({ paginate: true }) }, new: base, verdict: 'breaking', expect: { where: 'paginate', verdict: 'breaking' } },
  { name: 'multi removed breaks', old: { items: items({ multi: ['remove'] }) }, new: base, verdict: 'breaking', expect: { where: 'multi', verdict: 'breaking' } },
  { name: 'multi added is safe', old: base, new: { items: items({ multi: true }) }, verdict: 'safe', expect: { where: 'multi', verdict: 'safe' } },

  // ── nothing on the wire changes ───────────────────────────────────────────────────────
  { name: 'renaming a named schema changes nothing', old: { Thing: Item(), items: items() }, new: { Renamed: Item(), items: items() }, verdict: 'none' },
  { name: 'reordering properties changes nothing', old: result({ id: Type.Integer(), name: S }), new: result({ name: S, id: Type.Integer() }), verdict: 'none' },
  { name: 'descriptions and examples change nothing', old: result({ id: Type.Integer() }), new: result({ id: Type.Integer({ description: 'the id', examples: [1] }) }), verdict: 'none' },
  { name: 'a Ref to a renamed $id changes nothing', old: refs('Address'), new: refs('Place'), verdict: 'none' },
  { name: 'the same recursive schema changes nothing', old: recursive(S), new: recursive(S), verdict: 'none' },
  { name: 'a change deep inside a recursive schema is found, without looping', old: recursive(S), new: recursive(Type.Integer()), verdict: 'breaking', expect: { where: 'result', path: 'label', verdict: 'breaking' } },
  { name: 'a discriminated union variant removed breaks what clients send', old: variants(['a', 'b']), new: variants(['a']), verdict: 'breaking', expect: { where: 'data', path: 'shape', verdict: 'breaking', message: /alternative object removed/ } },
  { name: 'a discriminated union variant changed in depth is found in it', old: variants(['a', 'b']), new: variants(['a', 'b'], Type.Integer()), verdict: 'breaking', expect: { where: 'data', path: 'shape.size', verdict: 'breaking' } },
  { name: 'the connection changing is only a warning (it never crosses the socket)', old: { ...base, connection: defineConnection(Type.Object({ user: Type.Optional(Item()) })) }, new: { ...base, connection: defineConnection(Type.Object({})) }, verdict: 'warning', expect: { where: 'connection', path: 'user', verdict: 'warning' } },
]

/** A named schema used as both data and result. */
function shared(kind: unknown) {
  const Both = Type.Object({ id: Type.Optional(Type.Integer()), kind: kind as never }, closed)
  return { Both, items: items({ data: Both, result: Both }) }
}

/** A result holding a `Type.Ref` to a schema whose `$id` is `id`. */
function refs(id: string) {
  const Address = Type.Object({ street: S }, { $id: id })
  return { Address, items: items({ result: Type.Object({ id: Type.Integer(), home: Address, work: Type.Ref(Address) }) }) }
}

/** A recursive result whose labels are `label`. */
function recursive(label: unknown) {
  return { items: items({ result: Type.Recursive((This) => Type.Object({ label: label as never, children: Type.Array(This) })) }) }
}

/** Data with a discriminated union of shapes. */
function variants(kinds: string[], size: unknown = Type.Number()) {
  const shape = Type.Union(kinds.map((kind) => Type.Object({ kind: Type.Literal(kind), size: size as never }, closed)))
  return { items: items({ data: Type.Object({ shape }, closed) }) }
}

describe('compare: a corpus of old/new pairs', () => {
  test('has at least 40 pairs', () => assert.ok(cases.length >= 40, `${cases.length} cases`))
  for (const c of cases) {
    test(c.name, () => {
      const changes = compare(modelOf(c.old), modelOf(c.new))
      assert.equal(overall(changes), c.verdict, JSON.stringify(changes, null, 1))
      if (c.expect !== undefined) {
        const { where, path, verdict, message } = c.expect
        const found = changes.find((x) => x.where === where && (path === undefined || x.path === path) && x.verdict === verdict && (message === undefined || message.test(x.message)))
        assert.ok(found, `expected ${verdict} at ${where} ${path ?? ''} ${message ?? ''}; got ${JSON.stringify(changes, null, 1)}`)
      }
    })
  }
  test('compare is symmetric in what it finds: the reverse of a narrowing is a widening', () => {
    const old = modelOf(data({ s: status('a', 'b') })), next = modelOf(data({ s: status('a') }))
    assert.equal(overall(compare(old, next)), 'breaking')
    assert.equal(overall(compare(next, old)), 'safe')
  })
  test('the defaults are valid inputs', () => {
    assert.deepEqual(compare(modelOf({ items: items({ result: Item(), data: ItemData() }) }), modelOf(base)), [])
  })
})
