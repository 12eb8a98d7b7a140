import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { Cleaner, Validator } from 'feathers-sio-gen/server'
import { loadValidators, serviceModel } from '../helpers/load-validators.js'

// The generated result cleaners on the schema kinds where they used to lose declared properties
// (issue 14, failure classes 3–5) and their fail-closed contract (SPEC §8): a cleaner returns a
// value of its schema's shape, or `undefined` when the value cannot be cleaned to it.

const UnionPart = Type.Union([Type.Object({ x: Type.String() }), Type.Object({ y: Type.String() })])
const schemas = {
  // Class 3: an intersect whose parts are not all objects.
  IntersectOfUnion: Type.Intersect([UnionPart, Type.Object({ z: Type.Boolean() })]),
  // Parts declaring the same key keep what each declares below it.
  IntersectShared: Type.Intersect([
    Type.Object({ a: Type.Object({ x: Type.Number() }) }),
    Type.Object({ a: Type.Object({ y: Type.Number() }) }),
  ]),
  IntersectWithNot: Type.Intersect([Type.Object({ a: Type.String() }), Type.Not(Type.Object({ a: Type.Literal('no') }))]),
  // Class 4: a union whose first closed variant is a subset of the second.
  ClosedUnion: Type.Union([
    Type.Object({ id: Type.Integer() }, { additionalProperties: false }),
    Type.Object({ id: Type.Integer(), name: Type.String() }, { additionalProperties: false }),
  ]),
  // Class 5: `Not` positions.
  NotString: Type.Not(Type.String()),
  NotInObject: Type.Object({ any: Type.Not(Type.Null()), n: Type.Number() }),
  NotEmail: Type.Not(Type.String({ format: 'email' })),
  // Fail closed.
  Required: Type.Object({ id: Type.Integer(), name: Type.String(), owner: Type.Optional(Type.Object({ id: Type.Integer() })) }),
  UnionInOptional: Type.Object({ id: Type.Integer(), pick: Type.Optional(Type.Union([Type.Object({ a: Type.String() }), Type.Null()])) }),
  Formatted: Type.Object({ at: Type.String({ format: 'date-time' }), n: Type.Integer({ minimum: 0 }) }),
} satisfies Record<string, TSchema>

type Name = keyof typeof schemas
const cleaners = {} as Record<Name, Cleaner>
const validators = {} as Record<Name, Validator>

before(async () => {
  const services = Object.entries(schemas).map(([name, schema]) =>
    serviceModel(name.toLowerCase(), { result: schema, query: Type.Object({}) }))
  const { module } = await loadValidators({ schemas: [], services, connection: undefined })
  for (const [name] of Object.entries(schemas)) {
    cleaners[name as Name] = module[`clean${name.toLowerCase().replace(/^./, (c) => c.toUpperCase())}Result`] as Cleaner
    validators[name as Name] = module[`validate${name.toLowerCase().replace(/^./, (c) => c.toUpperCase())}Result`] as Validator
  }
})

/** Asserts that `value` is valid for `name` (by TypeBox and by ours) and that cleaning keeps it whole. */
function assertKept(name: Name, value: unknown): void {
  assert.equal(Value.Check(schemas[name], value), true, `${JSON.stringify(value)} is a valid ${name}`)
  assert.deepEqual(cleaners[name](structuredClone(value)), value, `${name} keeps ${JSON.stringify(value)}`)
}

test('class 3: an intersect keeps every property any of its parts declares', () => {
  assertKept('IntersectOfUnion', { x: 'a', z: true })
  assertKept('IntersectOfUnion', { y: 'b', z: false })
  assert.deepEqual(cleaners.IntersectOfUnion({ x: 'a', z: true, password: 'p' }), { x: 'a', z: true })
  assertKept('IntersectShared', { a: { x: 1, y: 2 } })
  assert.deepEqual(cleaners.IntersectShared({ a: { x: 1, y: 2, leak: 3 }, leak: 4 }), { a: { x: 1, y: 2 } })
  assertKept('IntersectWithNot', { a: 'yes' })
  assert.deepEqual(cleaners.IntersectWithNot({ a: 'yes', leak: 1 }), { a: 'yes' }, 'a Not part declares no properties')
  assert.equal(cleaners.IntersectWithNot({ a: 'no' }), undefined, 'what the Not part excludes is refused')
})

test('class 4: a union prefers the variant the value already matches', () => {
  assertKept('ClosedUnion', { id: 1, name: 'n' })
  assertKept('ClosedUnion', { id: 1 })
  // No variant matches as it is: the richest valid cleaning wins, not the first.
  assert.deepEqual(cleaners.ClosedUnion({ id: 1, name: 'n', passwordHash: 'h' }), { id: 1, name: 'n' })
  assert.deepEqual(cleaners.ClosedUnion({ id: 1, passwordHash: 'h' }), { id: 1 })
})

test('class 5: a valid value at a Not position passes through as it is', () => {
  for (const value of [{}, [], [1], 1, null, true, { nested: { deep: [1] } }]) assertKept('NotString', value)
  assert.equal(cleaners.NotString('a string'), undefined, 'the excluded value is refused')
  assertKept('NotInObject', { any: { free: 1 }, n: 2 })
  assert.deepEqual(cleaners.NotInObject({ any: [1, 'x'], n: 2, leak: 1 }), { any: [1, 'x'], n: 2 })
  assert.deepEqual(cleaners.NotInObject({ any: null, n: 2 }), { n: 2 }, 'the excluded value is left out')
  assertKept('NotEmail', 'not an email')
  assert.equal(cleaners.NotEmail('ada@example.com'), undefined)
})

test('cleaning fails closed: undefined, never a value the schema rejects', () => {
  assert.equal(cleaners.Required({ id: 'x', name: 'n' }), undefined, 'a property has the wrong type')
  assert.equal(cleaners.Required({ id: 1, name: 'n', owner: { name: 'o' } }), undefined, 'a nested required property is missing')
  // A record's own properties may be missing: `$select` leaves fields out (validateResults checks them).
  assert.deepEqual(cleaners.Required({ id: 1, password: 'p' }), { id: 1 })
  assert.equal(cleaners.Required([{ id: 1, name: 'n' }]), undefined, 'an array where a record is declared')
  assert.equal(cleaners.Required('text'), undefined)
  assert.equal(cleaners.ClosedUnion({ name: 'n' }), undefined, 'no union variant can be satisfied')
  assert.deepEqual(cleaners.Required({ id: 1, name: 'n', passwordHash: 'h' }), { id: 1, name: 'n' })
  // An optional union with no valid variant is left out: what remains is valid.
  assert.deepEqual(cleaners.UnionInOptional({ id: 1, pick: { b: 1 } }), { id: 1 })
  // The shape is what cleaning guarantees; formats and bounds are checked with `validateResults`.
  assert.deepEqual(cleaners.Formatted({ at: 'soon', n: -1, leak: 1 }), { at: 'soon', n: -1 })
  assert.equal(validators.Formatted.check({ at: 'soon', n: -1 }), false)
  assert.equal(cleaners.Formatted({ at: 1, n: 1 }), undefined, 'a number where a string is declared')
})
