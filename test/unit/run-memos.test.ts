// In `--watch` the loader keeps the old schema objects of a module it evaluates anew, so a memo
// keyed by schema or declaration objects that never lets go grows by one service's work per edit.
// These runs stand in for a watch session: one module evaluated anew each run (fresh objects, the
// old ones kept alive as the loader keeps them), the others unchanged.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Type } from '@sinclair/typebox'
import { defineService, querySyntax } from 'feathers-sio-gen'
import { generateFiles } from '../../generator/generate-files.js'
import { clearSchemaMemos, runMemoEntries, startMemoRun } from '../../generator/memo/schema-memo.js'
import type { LoadedModule } from '../../generator/model/model.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** What evaluating a service module yields: new schema objects every call. */
function serviceModule(path: string, extra: number): LoadedModule {
  const Tag = Type.String({ $id: `${path}Tag`, maxLength: 10 })
  const result = Type.Object({
    id: Type.Integer(), name: Type.String({ minLength: 1 }), tags: Type.Array(Type.Ref(Tag)),
    ...Object.fromEntries(Array.from({ length: extra }, (_, i) => [`rev${i}`, Type.Optional(Type.Integer())])),
  }, { additionalProperties: false })
  const declaration = defineService({
    path, result, data: Type.Omit(result, ['id']), query: querySyntax(Type.Pick(result, ['id', 'name'])),
    methods: ['find', 'get', 'create', 'patch', 'remove'],
  } as never)
  return { file: `schemas/${path}.ts`, exports: { [`${path}Service`]: declaration, [`${path}Tag`]: Tag } }
}

/** One `generate` run's pure part, started as `generate` starts it. */
function run(modules: LoadedModule[]): ReturnType<typeof generateFiles> {
  startMemoRun()
  const output = generateFiles(modules)
  assert.deepEqual(output.diagnostics, [])
  return output
}

test('the memos hold what the last runs used, however many edits came before', () => {
  clearSchemaMemos()
  const alpha = serviceModule('alpha', 0)
  const gamma = serviceModule('gamma', 0)
  const kept: LoadedModule[] = [] // the loader keeps every evaluated module alive
  const sizes: number[] = []
  let last = ''
  for (let edit = 0; edit < 12; edit++) {
    const beta = serviceModule('beta', edit % 3)
    kept.push(beta)
    last = run([alpha, beta, gamma]).files.map((file) => file.content).join('\n')
    sizes.push(runMemoEntries())
  }
  assert.ok(sizes[2]! > 0, 'the run memos are in use')
  // Each run looks like the one before: once two runs are held, the count stops growing (a memo
  // keeping every run's work would add beta's entries, about a hundred, per run).
  const early = Math.max(...sizes.slice(0, 3))
  assert.ok(sizes.every((size) => size <= early), `entries per run: ${sizes.join(' ')}`)
  // And what the warm runs wrote is what a cold run writes.
  clearSchemaMemos()
  assert.equal(run([alpha, kept.at(-1)!, gamma]).files.map((file) => file.content).join('\n'), last)
  assert.equal(kept.length, 12)
})

test('the model of a service edited away is let go although its declaration lives on', async () => {
  clearSchemaMemos()
  const alpha = serviceModule('alpha', 0)
  const kept: LoadedModule[] = []
  const models: WeakRef<object>[] = []
  for (let edit = 0; edit < 6; edit++) {
    const beta = serviceModule('beta', edit % 2)
    kept.push(beta)
    const output = run([alpha, beta])
    models.push(new WeakRef(output.model!.services.find((service) => service.path === 'beta')!))
  }
  // A WeakRef keeps its target until the current job ends; then collect everything collectable.
  await new Promise((resolve) => setImmediate(resolve))
  gc()
  const alive = models.map((ref) => ref.deref() !== undefined)
  // The last two runs' models may be held (a run memo keeps the last run's and this run's work).
  assert.deepEqual(alive.slice(0, -2), [false, false, false, false], `alive per run: ${alive.join(' ')}`)
  assert.equal(kept.length, 6)
})
