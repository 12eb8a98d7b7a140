import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { Ajv } from 'ajv'
import type { FormatsPluginOptions } from 'ajv-formats'
import addFormatsModule from 'ajv-formats'
import { querySyntax } from 'feathers-sio-gen'
import { coerceQuery } from 'feathers-sio-gen/server'
import { coercionPlan } from '../../generator/emit/coercion-plan.js'

// REST query conversion (SPEC §6) against what the Feathers CLI does: its query validator is Ajv
// with `coerceTypes: true` (and ajv-formats). Each case is a query as Koa's qs parser hands it
// over (all strings); we convert with the plan the generator derives from the schema and check
// the result, then run Ajv on the same input and compare. Where the two differ on purpose, the
// case says so; the differences are printed as the test's diagnostics.

const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats: FormatsPluginOptions) => Ajv
const Note = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  done: Type.Boolean(),
  rating: Type.Number(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
})
const NoteQuery = querySyntax(Note, { text: { $like: Type.String() } })
const plan = coercionPlan(NoteQuery, new Map())
const ajvValidate = addFormats(new Ajv({ coerceTypes: true, strict: false }), ['date-time']).compile(NoteQuery)

type Case = [name: string, input: Record<string, unknown>, converted: unknown, ajv: 'same' | string]
const INVALID = Symbol('invalid')
const cases: Case[] = [
  ['integers and paging', { id: '1', $limit: '2', $skip: '0' }, { id: 1, $limit: 2, $skip: 0 }, 'same'],
  ['number with decimals', { rating: '4.5' }, { rating: 4.5 }, 'same'],
  ['booleans', { done: 'true' }, { done: true }, 'same'],
  ['false', { done: 'false' }, { done: false }, 'same'],
  ["'1' is no boolean", { done: '1' }, INVALID, 'same'],
  ['operators', { id: { $gt: '1', $lte: '10', $ne: '5' } }, { id: { $gt: 1, $lte: 10, $ne: 5 } }, 'same'],
  ['$in from repeated keys', { id: { $in: ['1', '2'] } }, { id: { $in: [1, 2] } }, 'same'],
  ['$nin of numbers', { rating: { $nin: ['1.5', '2'] } }, { rating: { $nin: [1.5, 2] } }, 'same'],
  ['$or', { $or: [{ id: '1' }, { done: 'true' }] }, { $or: [{ id: 1 }, { done: true }] }, 'same'],
  ['$and with $or inside', { $and: [{ id: { $gt: '1' } }, { $or: [{ rating: '5' }] }] }, { $and: [{ id: { $gt: 1 } }, { $or: [{ rating: 5 }] }] }, 'same'],
  ['$sort directions', { $sort: { id: '-1', rating: '1' } }, { $sort: { id: -1, rating: 1 } }, 'same'],
  ['strings stay strings', { text: '123', createdAt: '2024-01-02T03:04:05.000Z' }, { text: '123', createdAt: '2024-01-02T03:04:05.000Z' }, 'same'],
  ['an extension operator', { text: { $like: '12%' } }, { text: { $like: '12%' } }, 'same'],
  ["'' is null", { parentId: '' }, { parentId: null }, 'same'],
  ['integer or null: a number', { parentId: '3' }, { parentId: 3 }, 'same'],
  ['spaces around a number', { rating: ' 5 ' }, { rating: 5 }, 'same'],
  ['hexadecimal and exponent', { id: '0x10', rating: '1e3' }, { id: 16, rating: 1000 }, 'same'],
  ['not an integer', { id: '1.5' }, INVALID, 'same'],
  ['not a number', { id: 'abc' }, INVALID, 'same'],
  ['repeated key on a single value', { id: ['1', '2'] }, INVALID, 'same'],
  ['an unknown key', { nope: '1' }, INVALID, 'same'],
  ["'null' is null", { parentId: 'null' }, { parentId: null }, "Ajv converts only '' to null"],
  ['one $in value is a one-item list', { id: { $in: '1' } }, { id: { $in: [1] } }, "Ajv's coerceTypes: true does not wrap (only coerceTypes: 'array')"],
  ['one $select key is a one-item list', { $select: 'text' }, { $select: ['text'] }, "Ajv's coerceTypes: true does not wrap (only coerceTypes: 'array')"],
  ['Infinity is no number', { rating: 'Infinity' }, INVALID, 'Ajv takes Infinity as a number'],
  ['blank is no number', { rating: '  ' }, INVALID, "Ajv converts '  ' to 0"],
]

describe('REST query conversion compared with Ajv coerceTypes', () => {
  for (const [name, input, expected, ajv] of cases) {
    test(name, (t) => {
      const converted = coerceQuery(plan, structuredClone(input))
      const valid = Value.Check(NoteQuery, converted)
      if (expected === INVALID) assert.equal(valid, false, `converted to ${JSON.stringify(converted)}, which should fail validation`)
      else {
        assert.deepEqual(converted, expected)
        assert.equal(valid, true, Value.Errors(NoteQuery, converted).First()?.message)
      }
      const ajvData = structuredClone(input)
      const ajvValid = ajvValidate(ajvData)
      const same = ajvValid === valid && (!valid || JSON.stringify(ajvData) === JSON.stringify(converted))
      if (ajv === 'same') assert.ok(same, `Ajv: ${ajvValid ? JSON.stringify(ajvData) : 'invalid'}; ours: ${valid ? JSON.stringify(converted) : 'invalid'}`)
      else {
        assert.equal(same, false, `expected a difference (${ajv})`)
        t.diagnostic(`differs from Ajv: ${ajv}; Ajv: ${ajvValid ? JSON.stringify(ajvData) : 'invalid'}; ours: ${valid ? JSON.stringify(converted) : 'invalid'}`)
      }
    })
  }
})

describe('coerceQuery', () => {
  test('never changes its input and copies __proto__ keys as data', () => {
    const input = JSON.parse('{"id":"1","__proto__":{"polluted":"1"}}') as Record<string, unknown>
    const converted = coerceQuery({ properties: { id: { types: ['integer'] } }, additional: { types: ['integer'] } }, input) as Record<string, unknown>
    assert.equal(input['id'], '1')
    assert.equal(converted['id'], 1)
    assert.equal(Object.getPrototypeOf(converted), Object.prototype)
    assert.deepEqual(Object.getOwnPropertyDescriptor(converted, '__proto__')?.value, { polluted: '1' })
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined)
  })

  test('no plan, no conversion; values of other types pass through', () => {
    assert.equal(coerceQuery(undefined, '1'), '1')
    assert.equal(coerceQuery({ types: ['integer'] }, 7), 7)
    const date = new Date(0)
    assert.equal(coerceQuery({ properties: {} }, date), date)
  })

  test('the plan for the sample query is small and only names places that convert', () => {
    const text = JSON.stringify(plan)
    assert.ok(!text.includes('"createdAt"') || text.includes('"createdAt":{"properties":{"$in"'), 'a date-time string needs no conversion, only its $in lists')
    assert.deepEqual(coercionPlan(Type.Object({ text: Type.String() }), new Map()), undefined)
    assert.deepEqual(coercionPlan(Type.Integer(), new Map()), { types: ['integer'] })
    assert.deepEqual(coercionPlan(Type.Union([Type.String(), Type.Number()]), new Map()), undefined)
  })
})
