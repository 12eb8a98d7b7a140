import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { querySyntax } from 'feathers-sio-gen'
import { createCodeUnit } from '../../generator/emit/code-unit.js'
import { resetEmitCache } from '../../generator/emit/emit-cache.js'
import { emitValidators } from '../../generator/emit/emit-validators.js'
import { memoByStructure } from '../../generator/emit/structure-memo.js'
import type { GenModel, ServiceModel } from '../../generator/model/model.js'
import { serviceModel } from '../helpers/load-validators.js'

// Within one emit, code is kept by a schema's structure (structure-memo.ts): equal schemas that are
// different objects share it. What a schema's code depends on besides its content must be part of
// the key, or a service would get code made for another one.

/** A deep copy where no object occurs twice: equal content, nothing shared. */
function unshared<T>(node: T): T {
  if (typeof node !== 'object' || node === null) return node
  const out: Record<PropertyKey, unknown> = Array.isArray(node) ? ([] as unknown as Record<PropertyKey, unknown>) : {}
  for (const key of Reflect.ownKeys(node)) out[key] = unshared((node as Record<PropertyKey, unknown>)[key])
  return out as T
}

function service(path: string, query?: (query: TSchema) => TSchema): ServiceModel {
  const result = Type.Object({ id: Type.Integer(), name: Type.String({ maxLength: 20 }), score: Type.Number() }, { additionalProperties: false })
  const made = querySyntax(Type.Pick(result, ['id', 'name']))
  return serviceModel(path, { result, query: query === undefined ? made : query(made) })
}

function model(services: ServiceModel[]): GenModel {
  return { schemas: [], services, connection: undefined }
}

/** validators.ts with nothing remembered from earlier emits. */
function fromScratch(services: ServiceModel[]): string {
  resetEmitCache()
  return emitValidators(model(services)).content
}

/** The names of `pascal`'s query check and collector. */
function queryNames(text: string, pascal: string): string[] | undefined {
  return text.match(new RegExp(`createValidator<${pascal}Query>\\((check_[0-9a-f]{10}), (collect_[0-9a-f]{10})\\)`))?.slice(1)
}

test('equal schemas that are different objects get the same code as each would alone', () => {
  const both = fromScratch([service('alpha'), service('beta')])
  const alone = fromScratch([service('beta')])
  assert.deepEqual(queryNames(both, 'Beta'), queryNames(alone, 'Beta'))
  assert.deepEqual(queryNames(both, 'Beta'), queryNames(both, 'Alpha'), 'equal content, equal names')
})

test('a schema equal in content but with copies where another shares one object gets its own check', () => {
  // querySyntax puts one filter object in `$or` and `$and`: checked by a shared declaration. A copy
  // without shared objects is compiled inline, so its check differs although its content is equal.
  const copied = (query: TSchema) => unshared(query)
  const alone = fromScratch([service('beta', copied)])
  const after = fromScratch([service('alpha'), service('beta', copied)])
  const before = fromScratch([service('beta', copied), service('alpha')])
  assert.notDeepEqual(queryNames(alone, 'Beta')?.[0], queryNames(fromScratch([service('alpha')]), 'Alpha')?.[0], 'sharing changes the check')
  assert.deepEqual(queryNames(after, 'Beta'), queryNames(alone, 'Beta'))
  assert.deepEqual(queryNames(before, 'Alpha'), queryNames(fromScratch([service('alpha')]), 'Alpha'))
})

test('a schema object holding a cycle is computed as it is, promptly, not keyed', { timeout: 10_000 }, () => {
  // Three ways back to itself: followed path by path, the walk would never end.
  const cyclic: Record<string, unknown> = { type: 'object' }
  cyclic.a = cyclic
  cyclic.b = cyclic
  cyclic.c = { inner: cyclic }
  const unit = createCodeUnit(new Map())
  let computed = 0
  const compute = () => ++computed
  assert.equal(memoByStructure(unit, 'test', cyclic as TSchema, compute), 1)
  assert.equal(memoByStructure(unit, 'test', { ...cyclic } as TSchema, compute), 2, 'not kept: nothing to key it by')
  assert.equal(memoByStructure(unit, 'test', Type.String() as TSchema, compute), 3)
  assert.equal(memoByStructure(unit, 'test', Type.String() as TSchema, compute), 3, 'an equal schema is kept')
})
