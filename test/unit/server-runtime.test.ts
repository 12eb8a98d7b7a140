import assert from 'node:assert/strict'
import { test } from 'node:test'
import { feathers } from '@feathersjs/feathers'
import { cleanLeaf, createValidator, findPrototypeHazard, guardPrototypeKeys, hash, registerServices } from 'feathers-sio-gen/server'
import type { ServiceDescriptor } from 'feathers-sio-gen/server'

// The runtime pieces the generated code calls, on their own.

test('findPrototypeHazard: forbidden keys at any depth, swapped prototypes, hostile depth', () => {
  assert.equal(findPrototypeHazard({ a: [{ b: 1 }], c: null }), undefined)
  assert.deepEqual(findPrototypeHazard(JSON.parse('{"a":[{"__proto__":{}}]}'), '/data'), { path: '/data/a/0/__proto__', message: "Forbidden key '__proto__'" })
  assert.equal(findPrototypeHazard({ constructor: { prototype: {} } })?.path, '/constructor')
  assert.equal(findPrototypeHazard({ x: { prototype: 1 } })?.path, '/x/prototype')
  const swapped = Object.assign({}, JSON.parse('{"__proto__":{"polluted":true}}') as object)
  assert.equal(findPrototypeHazard({ query: swapped })?.message, 'Unexpected prototype')
  assert.equal(findPrototypeHazard(Object.create(null) as object), undefined)
  let deep: unknown = {}
  for (let depth = 0; depth < 100_000; depth++) deep = { deep }
  assert.match(findPrototypeHazard(deep)?.message ?? '', /Nested deeper than/)
})

test('guardPrototypeKeys throws BadRequest with the failure listed', () => {
  assert.throws(() => guardPrototypeKeys({ id: 1, data: JSON.parse('{"__proto__":{"x":1}}') }), (error: { code: number; errors: unknown }) => {
    assert.equal(error.code, 400)
    assert.deepEqual(error.errors, [{ path: '/data/__proto__', message: "Forbidden key '__proto__'" }])
    return true
  })
  assert.doesNotThrow(() => guardPrototypeKeys({ id: 'abc', data: { text: 'x' }, query: {} }))
})

test('cleanLeaf keeps primitives and what serialises to one, drops objects and arrays', () => {
  assert.equal(cleanLeaf('x'), 'x')
  assert.equal(cleanLeaf(null), null)
  assert.equal(cleanLeaf(3), 3)
  assert.equal(cleanLeaf(new Date('2024-01-01T00:00:00Z')), '2024-01-01T00:00:00.000Z')
  assert.equal(cleanLeaf({ toJSON: () => 'abc123' }), 'abc123')
  assert.equal(cleanLeaf({ toJSON: () => ({ password: 'x' }) }), undefined)
  assert.equal(cleanLeaf({ password: 'x' }), undefined)
  assert.equal(cleanLeaf(['x']), undefined)
})

test('hash ignores key order and tells different values apart', () => {
  assert.equal(hash({ a: 1, b: [1, { c: 2, d: 3 }] }), hash({ b: [1, { d: 3, c: 2 }], a: 1 }))
  assert.notEqual(hash({ a: 1 }), hash({ a: '1' }))
  assert.notEqual(hash(JSON.parse('{"__proto__":{"a":1}}')), hash({}))
})

test('createValidator never reports an invalid value with an empty error list', () => {
  const validator = createValidator<string>((value) => typeof value === 'string', () => {})
  assert.deepEqual(validator.errors('ok'), [])
  assert.deepEqual(validator.errors(1), [{ path: '', message: 'Expected a value matching the schema' }])
})

test('registerServices names a missing implementation or method', () => {
  const always = createValidator((): boolean => true, () => {})
  const descriptor: ServiceDescriptor = {
    path: 'things', methods: ['find', 'get'], multi: [],
    validators: { query: always, result: always, clean: (value) => value, custom: {}, events: {} },
  }
  assert.throws(() => registerServices(feathers(), [descriptor], {}), /no implementation object for service 'things'/)
  assert.throws(() => registerServices(feathers(), [descriptor], { things: { async find() { return [] } } }), /service 'things' lacks 'get'/)
  const app = registerServices(feathers(), [descriptor], { things: { async find() { return [] }, async get() { return {} } } })
  assert.ok(app.service('things'))
})
