import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { querySyntax } from 'feathers-sio-gen'
import type { Validator } from 'feathers-sio-gen/server'
import { orderDeclarations } from '../../generator/emit/code-unit.js'
import { resetEmitCache } from '../../generator/emit/emit-cache.js'
import { emitValidators } from '../../generator/emit/emit-validators.js'
import type { GenModel, ServiceModel } from '../../generator/model/model.js'
import { loadValidators, serviceModel } from '../helpers/load-validators.js'

// validators.ts reuses what it computed for a schema object (`--watch` keeps every unchanged
// module's schemas): a warm emit must be byte-identical to one from scratch.

/** A deep copy keeping TypeBox's symbol keys: equal schemas, new objects (a reloaded module). */
function fresh<T>(node: T, memo = new Map<object, unknown>()): T {
  if (typeof node !== 'object' || node === null) return node
  if (memo.has(node)) return memo.get(node) as T
  const out: Record<PropertyKey, unknown> = Array.isArray(node) ? ([] as unknown as Record<PropertyKey, unknown>) : {}
  memo.set(node, out)
  for (const key of Reflect.ownKeys(node)) out[key] = fresh((node as Record<PropertyKey, unknown>)[key], memo)
  return out as T
}

const Named = Type.Object({ n: Type.Integer({ minimum: 0 }) }, { $id: 'Named', additionalProperties: false })
const Tree = Type.Recursive((This) => Type.Object({ id: Type.Integer(), children: Type.Array(This) }, { additionalProperties: false }), { $id: 'Tree' })

function service(path: string, extra: Record<string, TSchema> = {}): ServiceModel {
  const result = Type.Object({
    id: Type.Integer(), name: Type.String({ maxLength: 20 }), tags: Type.Array(Type.String()), named: Type.Ref('Named'), tree: Tree, ...extra,
  }, { additionalProperties: false })
  const query = querySyntax(Type.Pick(result, ['id', 'name']))
  return serviceModel(path, { result, query, data: Type.Omit(result, ['id']), events: [{ name: 'pinged', pascal: 'Pinged', schema: Type.Object({ at: Type.String() }) }] })
}

function model(services: ServiceModel[], named: TSchema = Named): GenModel {
  return { schemas: [{ name: 'Named', file: 'schemas/test.ts', schema: named }, { name: 'Tree', file: 'schemas/test.ts', schema: Tree }], services, connection: undefined }
}

/** `emitValidators` with nothing remembered from earlier emits. */
function fromScratch(input: GenModel): string {
  resetEmitCache()
  return emitValidators(input).content
}

test('a warm emit after one service is reloaded with a change equals an emit from scratch', () => {
  const services = [service('alpha'), service('beta'), service('gamma')]
  const first = emitValidators(model(services)).content
  assert.equal(emitValidators(model(services.map((s) => ({ ...s })))).content, first, 'nothing changed: same file')
  // beta's module re-evaluated: equal schemas as new objects, and one property added.
  const beta = fresh(service('beta', { score: Type.Number({ maximum: 5 }) }))
  const second = model([{ ...services[0]! }, beta, { ...services[2]! }])
  const warm = emitValidators(second).content
  assert.notEqual(warm, first)
  assert.match(warm, /to be less or equal to 5/)
  assert.equal(warm, fromScratch(second))
})

test('a reused service follows a `$ref` whose target changed', () => {
  const services = [service('alpha'), service('beta')]
  emitValidators(model(services))
  // Only the named schema's module changed: the services' objects are the same ones.
  const changed = Type.Object({ n: Type.Integer({ minimum: 0, maximum: 9 }) }, { $id: 'Named', additionalProperties: false })
  const next = model(services.map((s) => ({ ...s })), changed)
  const warm = emitValidators(next).content
  assert.match(warm, /value\['n'\] <= 9/, 'the check of the changed target')
  assert.equal(warm, fromScratch(next))
})

test('names depend on content only, not on what else is emitted or in which order', () => {
  const alone = emitValidators(model([service('beta')])).content
  const withOthers = fromScratch(model([service('alpha'), service('beta'), service('gamma')]))
  const names = (text: string) => text.match(/createValidator<BetaQuery>\((check_[0-9a-f]{10}), (collect_[0-9a-f]{10})\)/)?.slice(1)
  assert.ok(names(alone) !== undefined)
  assert.deepEqual(names(withOthers), names(alone))
  for (const name of names(alone)!) assert.equal(withOthers.split(`\n${name.startsWith('check') ? 'const' : 'function'} ${name}`).length, 2, `${name} declared once`)
})

test('two different declarations under one name fail loudly', () => {
  const a = { name: 'check_0123456789', key: 'one', text: 'const check_0123456789 = 1', deps: [], helpers: [] }
  const b = { ...a, key: 'two', text: 'const check_0123456789 = 2' }
  assert.throws(() => orderDeclarations([a, b]), /internal error.*check_0123456789/)
})

test("the query's filter and each property's operators are checked once, not inlined at every place", async () => {
  const result = Type.Object({ a: Type.Integer(), b: Type.Integer(), c: Type.String() })
  const query = querySyntax(result)
  const loaded = await loadValidators(model([serviceModel('things', { result, query })]))
  // The operators of `a` and `b` are equal: one check; `c`'s another. Inlined: 4 places each.
  assert.equal(loaded.source.split("(value['$gt'] !== undefined").length - 1, 2)
  const check = (loaded.module.validateThingsQuery as Validator).check
  assert.equal(check({ a: { $gt: 1 }, $or: [{ b: 2 }, { c: { $in: ['x'] } }], $and: [{ $or: [{ c: 'x' }] }, { a: 1 }] }), true)
  for (const invalid of [{ a: { $gt: 'x' } }, { $or: [{ b: 'x' }] }, { $and: [{ $or: [{ c: 1 }] }] }, { $and: [{ c: { $nin: [1] } }] }, { $or: [{ d: 1 }] }]) {
    assert.equal(check(invalid), false, JSON.stringify(invalid))
  }
})

test('a reused service follows what is not a schema: a connection added, an event renamed', () => {
  const services = [service('alpha'), service('beta')]
  emitValidators(model(services))
  const connection = { file: 'schemas/test.ts', exportName: 'connection', schema: Type.Object({ userId: Type.Integer() }) }
  const renamed = services.map((s) => ({ ...s, events: s.events.map((event) => ({ ...event, name: 'poked', pascal: 'Poked' })) }))
  const next = { ...model(renamed), connection }
  const warm = emitValidators(next).content
  assert.match(warm, /connection: cleanConnection/)
  assert.match(warm, /"poked": cleanAlphaPokedEvent/)
  assert.equal(warm, fromScratch(next))
})
