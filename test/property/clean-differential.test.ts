// Property-based differential suite (issue 14, SPEC §8): the generated validators and cleaners,
// run as generated code, against TypeBox's own Value.Check and Value.Clean, for every named schema
// and every service schema (id, result, data, patch, query, custom, events) of the kinds fixture
// (test/fixtures/kinds, as the fidelity test loads it) and of the sample ./schemas.
//
// Values: (a) from an arbitrary derived from the schema (test/helpers/schema-arbitrary.ts; mostly
// valid), (b) those with one node replaced by a random JSON value, (c) random JSON values, (d)
// "dirty" ones: (a) with an undeclared MARKER property on objects that declare their properties.
// Properties, per schema:
//   1. check agrees with Value.Check, and errors() is empty exactly when check is true;
//   2. a valid value is cleaned to a value Value.Check accepts, that keeps every property
//      Value.Clean keeps and adds nothing (every kept property is in the input);
//   3. a dirty value whose marker-free form is valid is cleaned like (2) and loses every marker;
//   4. any value at all: the cleaner returns undefined or a value of the schema's shape (Value.Check
//      of the schema without formats, patterns, lengths, bounds, the record's own properties
//      optional for `$select`: what `failClosed` checks, see generator/emit/shape-check-code.ts),
//      adding nothing.
//
// Deliberate differences from Value.Clean (each allowed by the comparisons above):
//   - `additionalProperties: true` keeps the extra properties (Value.Clean deletes them: it keeps
//     extras only when `additionalProperties` is a schema the value matches);
//   - an invalid value: Value.Clean returns it with whatever no union variant matched; ours
//     returns a valid cleaning or undefined (fail closed);
//   - an intersection merges its parts' cleanings at every depth (Value.Clean: shallowly, so
//     `{a:{x}} & {a:{y}}` keeps only `a.y`); `Any`/`Unknown`/`Not` parts declare no properties
//     (Value.Clean keeps the whole value for them: `{a} & Not<…>` would let a password through),
//     so property 2 compares with Value.Clean of the schema without such parts (`declaringOnly`);
//   - a union matching no variant as it is takes the valid variant cleaning that keeps the most;
//   - properties holding `undefined` are left out (JSON cannot carry them).
//
// Budget: seeded (SEED), RUNS runs per property and schema; each property is also cut after
// PROPERTY_MS and the whole after TOTAL_MS (properties left then are skipped and counted). About
// 80,000 executions in 10–25 s on the 2-core machine (the counts are printed).
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import fc from 'fast-check'
import { FormatRegistry, Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { format, KNOWN_FORMATS } from 'feathers-sio-gen/server'
import type { Cleaner, Validator } from 'feathers-sio-gen/server'
import { collectReferences } from '../../generator/emit/code-unit.js'
import { cleanedShape } from '../../generator/emit/shape-check-code.js'
import { buildModel } from '../../generator/model/build-model.js'
import type { GenModel, LoadedModule } from '../../generator/model/model.js'
import { loadValidators, serviceModel } from '../helpers/load-validators.js'
import { covers, declaringOnly, unmarked, within } from '../helpers/clean-comparisons.js'
import { arbitraryFor, MARKER, replaceNode } from '../helpers/schema-arbitrary.js'

const SEED = 14
const RUNS = 200
const PROPERTY_MS = 3000
const TOTAL_MS = 90_000
let deadline = Number.POSITIVE_INFINITY
const root = new URL('../..', import.meta.url).pathname

interface Subject {
  name: string
  schema: TSchema
  check: Validator
  clean: Cleaner
}

interface Source {
  subjects: Subject[]
  references: TSchema[]
  referenceMap: Map<string, TSchema>
}

/** Runs and valid/dirty cases seen, for the printed summary. */
const counts = { schemas: 0, executions: 0, valid: 0, dirty: 0, interrupted: 0, skipped: 0 }

async function loadModel(dir: string): Promise<GenModel> {
  const files = readdirSync(join(root, dir)).filter((file) => file.endsWith('.ts')).sort()
  const modules: LoadedModule[] = await Promise.all(files.map(async (file) => ({
    file: `${dir}/${file}`, exports: await import(join(root, dir, file)) as Record<string, unknown>,
  })))
  const { model, diagnostics } = buildModel(modules)
  assert.deepEqual(diagnostics, [], `${dir} is valid input`)
  return model
}

/** Every named schema and every schema a service declares, each once. */
function schemasOf(model: GenModel): Array<{ name: string; schema: TSchema }> {
  const out: Array<{ name: string; schema: TSchema }> = []
  const seen = new Set<TSchema>()
  const add = (name: string, schema: TSchema | undefined) => {
    if (schema === undefined || seen.has(schema)) return
    seen.add(schema)
    out.push({ name, schema })
  }
  for (const named of model.schemas) add(named.name, named.schema)
  for (const service of model.services) {
    for (const key of ['id', 'result', 'data', 'patch', 'query'] as const) add(`${service.path}.${key}`, service[key])
    for (const method of service.custom) {
      add(`${service.path}.${method.name}.data`, method.data)
      add(`${service.path}.${method.name}.result`, method.result)
    }
    for (const event of service.events) add(`${service.path}.events.${event.name}`, event.schema)
  }
  return out
}

/** The generated validator and cleaner of each schema: one synthetic service per schema, its `result`. */
async function loadSource(dir: string): Promise<Source> {
  const model = await loadModel(dir)
  const entries = schemasOf(model)
  const services = entries.map((entry, index) => serviceModel(`p${index}`, { result: entry.schema, query: Type.Object({}) }))
  const { module } = await loadValidators({ schemas: model.schemas, services, connection: undefined })
  const referenceMap = collectReferences(entries.map((entry) => entry.schema))
  return {
    subjects: entries.map((entry, index) => ({
      ...entry, check: module[`validateP${index}Result`] as Validator, clean: module[`cleanP${index}Result`] as Cleaner,
    })),
    references: [...referenceMap.values()],
    referenceMap,
  }
}

const show = (value: unknown) => JSON.stringify(value)

/** Runs the four properties on one schema. */
function checkSubject(subject: Subject, source: Source, seed: number): void {
  const { schema, check, clean } = subject
  const refs = source.references
  const memo = new Map<object, unknown>()
  const cleanSchema = declaringOnly(schema, memo)
  const cleanRefs = refs.map((ref) => declaringOnly(ref, memo))
  const valueClean = (value: unknown): unknown => Value.Clean(cleanSchema, cleanRefs, structuredClone(value))
  const shape = cleanedShape(schema, refs, new Map())
  const hasShape = (value: unknown): boolean => {
    try { return Value.Check(shape.schema, shape.references, value) } catch { return false }
  }
  // TypeBox 0.34 throws for an Intersect given a non-object: that is a rejection.
  const typebox = (value: unknown): boolean => {
    try { return Value.Check(schema, refs, value) } catch { return false }
  }
  const options = { references: source.referenceMap, dirty: false }
  const valid = arbitraryFor(schema, options)
  const dirty = arbitraryFor(schema, { ...options, dirty: true })
  const json = fc.jsonValue({ maxDepth: 3 })
  const mutated = fc.tuple(valid, json, fc.nat()).map(([value, by, at]) => replaceNode(value, at, by))
  const run = (name: string, arbitrary: fc.Arbitrary<unknown>, predicate: (value: unknown) => void, offset: number) => {
    const started = performance.now()
    const limit = Math.min(PROPERTY_MS, deadline - started)
    if (limit <= 0) {
      counts.skipped++
      return
    }
    try {
      fc.assert(fc.property(arbitrary, (value) => { counts.executions++; predicate(value) }), {
        seed: seed + offset, numRuns: RUNS, interruptAfterTimeLimit: limit, markInterruptAsFailure: false, includeErrorInReport: true,
      })
    } catch (error) {
      throw new Error(`${subject.name}, property "${name}":\n${(error as Error).message}`)
    }
    if (performance.now() - started >= limit) counts.interrupted++
  }
  run('check agrees with Value.Check', fc.oneof(valid, mutated, json), (value) => {
    const expected = typebox(value)
    assert.equal(check.check(value), expected, `check(${show(value)})`)
    assert.equal(check.errors(value).length === 0, expected, `errors(${show(value)})`)
  }, 0)
  run('a valid value keeps what Value.Clean keeps', valid, (value) => {
    if (!typebox(value)) return
    counts.valid++
    const cleaned = clean(structuredClone(value))
    const theirs = valueClean(value)
    assert.ok(cleaned !== undefined || value === undefined, `cleaning the valid ${show(value)} failed`)
    assert.ok(typebox(cleaned), `clean(${show(value)}) = ${show(cleaned)} is invalid`)
    assert.ok(covers(cleaned, theirs), `clean(${show(value)}) = ${show(cleaned)} lost part of Value.Clean's ${show(theirs)}`)
    assert.ok(within(cleaned, value), `clean(${show(value)}) = ${show(cleaned)} added something`)
  }, 1)
  run('undeclared properties are removed', dirty, (value) => {
    const plain = unmarked(value)
    if (!typebox(plain)) return
    counts.dirty++
    const cleaned = clean(structuredClone(value))
    const theirs = valueClean(plain)
    assert.ok(cleaned !== undefined || plain === undefined, `cleaning ${show(value)} failed`)
    assert.ok(typebox(cleaned), `clean(${show(value)}) = ${show(cleaned)} is invalid`)
    assert.ok(!show(cleaned)?.includes(`"${MARKER}"`), `clean(${show(value)}) = ${show(cleaned)} kept the undeclared ${MARKER}`)
    assert.ok(covers(cleaned, theirs), `clean(${show(value)}) = ${show(cleaned)} lost part of Value.Clean's ${show(theirs)}`)
    assert.ok(within(cleaned, value), `clean(${show(value)}) = ${show(cleaned)} added something`)
  }, 2)
  run('cleaning fails closed on anything', fc.oneof(mutated, json, dirty), (value) => {
    const cleaned = clean(structuredClone(value))
    if (cleaned === undefined) return
    assert.ok(hasShape(cleaned), `clean(${show(value)}) = ${show(cleaned)} is not of the schema's shape and was not refused`)
    assert.ok(within(cleaned, value), `clean(${show(value)}) = ${show(cleaned)} added something`)
  }, 3)
  counts.schemas++
}

const sources: Record<string, Source> = {}
before(async () => {
  for (const name of KNOWN_FORMATS) FormatRegistry.Set(name, (value) => format(name, value))
  sources['kinds'] = await loadSource('test/fixtures/kinds')
  sources['sample'] = await loadSource('schemas')
  deadline = performance.now() + TOTAL_MS
})

for (const [label, dir] of [['kinds', 'test/fixtures/kinds'], ['sample', 'schemas']] as const) {
  describe(`generated validators and cleaners against TypeBox: ${label} (${dir})`, () => {
    test('every schema', async (t) => {
      const source = sources[label]!
      assert.ok(source.subjects.length > 0)
      for (const [index, subject] of source.subjects.entries()) {
        await t.test(subject.name, () => checkSubject(subject, source, SEED * 10_000 + index * 10 + (label === 'kinds' ? 0 : 5000)))
      }
    })
  })
}

test('summary: counts of the differential runs', () => {
  // Runs after both sources (node's runner runs top-level tests in order).
  console.log(`# property suite: ${counts.schemas} schemas × 4 properties × ${RUNS} runs = ${counts.executions} executions; `
    + `${counts.valid} valid and ${counts.dirty} dirty values cleaned; ${counts.interrupted} properties cut by their time limit, `
    + `${counts.skipped} skipped past the ${TOTAL_MS / 1000} s budget`)
  assert.ok(counts.schemas > 0)
})
