import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { FormatRegistry, Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { format, KNOWN_FORMATS } from 'feathers-sio-gen/server'
import type { Cleaner, Validator } from 'feathers-sio-gen/server'
import { loadValidators, serviceModel } from '../helpers/load-validators.js'

// The emitted validators and cleaners, run as generated code, against TypeBox's own Value.Check
// on a schema using every kind that can cross the socket.

const Named = Type.Object({ n: Type.Number({ minimum: 0, exclusiveMaximum: 10, multipleOf: 0.5 }) }, { $id: 'Named', additionalProperties: false })
const Tree = Type.Recursive((This) => Type.Object({ id: Type.Integer(), children: Type.Array(This) }, { additionalProperties: false }), { $id: 'Tree' })
const Kitchen = Type.Object({
  id: Type.Integer(),
  name: Type.String({ minLength: 1, maxLength: 5 }),
  email: Type.Optional(Type.String({ format: 'email' })),
  tags: Type.Array(Type.String(), { uniqueItems: true, maxItems: 3 }),
  pair: Type.Tuple([Type.String(), Type.Number()]),
  choice: Type.Union([Type.String(), Type.Object({ x: Type.Integer() }, { additionalProperties: false })]),
  color: Type.Enum({ Red: 'red', Blue: 'blue' }),
  key: Type.KeyOf(Type.Object({ a: Type.String(), b: Type.String() })),
  code: Type.TemplateLiteral('id-${number}'),
  both: Type.Intersect([Type.Object({ a: Type.String() }), Type.Object({ b: Type.Integer() })], { unevaluatedProperties: false }),
  scores: Type.Record(Type.String(), Type.Integer()),
  flags: Type.Object({ k: Type.String() }, { additionalProperties: Type.Boolean() }),
  open: Type.Object({ k: Type.String() }, { additionalProperties: true }),
  address: Type.Object({ street: Type.String(), zip: Type.String({ pattern: '^[0-9]{5}$' }) }),
  tree: Tree,
  named: Type.Ref(Named),
  three: Type.Literal(3),
  nothing: Type.Null(),
  anything: Type.Any(),
  flag: Type.Boolean(),
  maybe: Type.Union([Type.Null(), Type.Object({ at: Type.String({ format: 'date-time' }) }, { additionalProperties: false })]),
}, { additionalProperties: false })

const valid = {
  id: 1, name: 'Ada', email: 'ada@example.com', tags: ['a', 'b'], pair: ['x', 1.5], choice: { x: 2 }, color: 'red', key: 'a',
  code: 'id-42', both: { a: 'a', b: 1 }, scores: { math: 3 }, flags: { k: 'k', on: true }, open: { k: 'k', more: [1] },
  address: { street: 'Main', zip: '12345' }, tree: { id: 1, children: [{ id: 2, children: [] }] }, named: { n: 9.5 },
  three: 3, nothing: null, anything: { whatever: 1 }, flag: false, maybe: { at: '2024-01-01T00:00:00Z' },
}

/** The valid value with one change at `key`, and the JSON pointer where it must be reported. */
const invalid: Array<[string, Record<string, unknown>]> = [
  ['/id', { id: 1.5 }], ['/name', { name: '' }], ['/name', { name: 'toolong' }], ['/email', { email: 'nope' }],
  ['/tags', { tags: ['a', 'a'] }], ['/tags', { tags: ['a', 'b', 'c', 'd'] }], ['/tags/1', { tags: ['a', 2] }],
  ['/pair', { pair: ['x'] }], ['/pair/1', { pair: ['x', 'y'] }], ['/choice/x', { choice: { x: 'no' } }], ['/choice', { choice: 5 }],
  ['/color', { color: 'green' }], ['/key', { key: 'c' }], ['/code', { code: 'id-x' }], ['/both/c', { both: { a: 'a', b: 1, c: 1 } }],
  ['/both/b', { both: { a: 'a', b: 'b' } }], ['/scores/math', { scores: { math: 'a' } }], ['/flags/on', { flags: { k: 'k', on: 1 } }],
  ['/address/zip', { address: { street: 'Main', zip: '1234' } }], ['/tree/children/0/id', { tree: { id: 1, children: [{ id: 'x', children: [] }] } }],
  ['/named/n', { named: { n: 10 } }], ['/named/n', { named: { n: 0.3 } }], ['/three', { three: 4 }], ['/nothing', { nothing: 0 }],
  ['/flag', { flag: 'yes' }], ['/maybe/at', { maybe: { at: 'soon' } }], ['/extra', { extra: 1 }], ['/id', { id: undefined }],
  ['', { toString: undefined } as never],
]

let validate: Validator
let clean: Cleaner
let source: string

before(async () => {
  for (const name of KNOWN_FORMATS) FormatRegistry.Set(name, (value) => format(name, value))
  const model = {
    schemas: [{ name: 'Named', file: 'schemas/test.ts', schema: Named as TSchema }],
    services: [serviceModel('kitchen', { result: Kitchen, query: Type.Object({}, { additionalProperties: false }) })],
    connection: undefined,
  }
  const loaded = await loadValidators(model)
  validate = loaded.module.validateKitchenResult as Validator
  clean = loaded.module.cleanKitchenResult as Cleaner
  source = loaded.source
})

test('the generated file needs no TypeBox and no code from strings', () => {
  assert.doesNotMatch(source, /@sinclair\/typebox|new Function|eval\(/)
})

test('a valid value passes, as TypeBox says', () => {
  assert.equal(Value.Check(Kitchen, [Named], valid), true)
  assert.equal(validate.check(valid), true)
  assert.deepEqual(validate.errors(valid), [])
})

test('each invalid value fails where TypeBox says it fails, reported at its path', () => {
  for (const [path, change] of invalid.slice(0, -1)) {
    const value = { ...valid, ...change }
    assert.equal(Value.Check(Kitchen, [Named], value), false, `TypeBox rejects ${JSON.stringify(change)}`)
    assert.equal(validate.check(value), false, `rejects ${JSON.stringify(change)}`)
    const errors = validate.errors(value)
    assert.ok(errors.some((error) => error.path === path), `${JSON.stringify(change)} reported at ${path}: ${JSON.stringify(errors)}`)
  }
})

/** Value.Check, where TypeBox 0.34's own throw (an Intersect given null) counts as a rejection. */
function typeboxCheck(value: unknown): boolean {
  try {
    return Value.Check(Kitchen, [Named], value)
  } catch {
    return false
  }
}

test('check and errors agree with Value.Check on many mutations', () => {
  const samples: unknown[] = [null, 1, 'x', [], {}, valid]
  for (const key of Object.keys(valid)) {
    for (const replacement of [null, 0, -1, 2.5, '', 'x', true, [], [1], {}, { a: 1 }]) samples.push({ ...valid, [key]: replacement })
    const { [key]: _removed, ...without } = valid as Record<string, unknown>
    samples.push(without)
  }
  for (const sample of samples) {
    const expected = typeboxCheck(sample)
    assert.equal(validate.check(sample), expected, `check(${JSON.stringify(sample)})`)
    assert.equal(validate.errors(sample).length === 0, expected, `errors(${JSON.stringify(sample)})`)
  }
})

test('messages never echo the rejected value', () => {
  const errors = validate.errors({ ...valid, name: 'secret-password-value' })
  assert.ok(errors.length > 0)
  assert.ok(errors.every((error) => !error.message.includes('secret-password-value')))
})

test('the cleaner keeps exactly what the schema declares, nested included', () => {
  const dirty = {
    ...valid, password: 'x', tags: ['a', 'b'], choice: { x: 2, leak: 1 }, both: { a: 'a', b: 1, leak: 1 },
    flags: { k: 'k', on: true, leak: 'no' }, open: { k: 'k', more: [1] }, address: { street: 'Main', zip: '12345', leak: 1 },
    tree: { id: 1, leak: 1, children: [{ id: 2, children: [], leak: 2 }] }, named: { n: 9.5, leak: 1 },
    maybe: { at: '2024-01-01T00:00:00Z', leak: 1 }, pair: ['x', 1.5, 'leak'], scores: { math: 3 },
    name: 'Ada', nothing: null,
  }
  const cleaned = clean(dirty)
  assert.deepEqual(cleaned, valid)
  assert.equal(validate.check(cleaned), true)
})

test('the cleaner drops objects where a leaf is declared, keeps what serialises to a leaf', () => {
  const when = new Date('2024-01-01T00:00:00Z')
  const cleaned = clean({ ...valid, name: { secret: 1 }, code: [1], maybe: { at: when } }) as Record<string, unknown>
  assert.equal(cleaned.name, undefined)
  assert.equal(cleaned.code, undefined)
  assert.deepEqual(cleaned.maybe, { at: '2024-01-01T00:00:00.000Z' })
})

test('a union cleans by the first variant whose cleaned value is valid; dynamic keys must be valid', () => {
  const cleaned = clean({ ...valid, choice: { x: 1, y: 2 }, maybe: null, scores: { math: 1, bad: 'x' }, flags: { k: 'k', password: 'x' } }) as Record<string, unknown>
  assert.deepEqual(cleaned.choice, { x: 1 })
  assert.equal(cleaned.maybe, null)
  assert.deepEqual(cleaned.scores, { math: 1 }, 'a record entry of the wrong shape is dropped')
  assert.deepEqual(cleaned.flags, { k: 'k' }, 'an additional property of the wrong shape is dropped')
})
