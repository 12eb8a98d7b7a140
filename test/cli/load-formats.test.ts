// Schema modules load the same in a CommonJS package (no "type": "module", the Feathers CLI's
// layout) as in an ES module one, and any failure while loading one, even inside a CommonJS helper
// it imports, is a one-line diagnostic (issue 9). Runs the published command over dist/.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { buildDist } from '../../bench/harness/build-dist.js'
import { makeSandbox, repoRoot } from '../helpers/cli-sandbox.js'

const bin = join(repoRoot, 'bin', 'feathers-sio-gen.js')

/** A project folder with its own package.json, resolving feathers-sio-gen as an installed package. */
function project(label: string, packageJson: object) {
  const box = makeSandbox(label)
  box.write('package.json', JSON.stringify(packageJson))
  mkdirSync(join(box.dir, 'node_modules'), { recursive: true })
  symlinkSync(repoRoot, join(box.dir, 'node_modules', 'feathers-sio-gen'), 'dir')
  return box
}

/** `feathers-sio-gen schemas` in `dir`, as a user runs it. */
function generate(dir: string) {
  const run = spawnSync(process.execPath, [bin, 'schemas', '--out', 'generated'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000,
  })
  // Progress lines ("loading 1 schema module…") go to stderr too; the rest is the diagnostics.
  const problems = run.stderr.split('\n').filter((line) => line.trim() !== '' && !line.endsWith('…'))
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, problems }
}

const THINGS = `import { Type } from '@sinclair/typebox'
import { defineService } from 'feathers-sio-gen'
import { fieldNames } from '../lib/helper.js'

export const Thing = Type.Object({ id: Type.Integer(), name: Type.String({ description: fieldNames.join(', ') }) })
export const things = defineService({ path: 'things', id: Type.Integer(), result: Thing, data: Thing, methods: ['find'] })
`
// A CommonJS helper (its folder's package.json says so) that requires another file.
const HELPER = `const { names } = require('./names')
export const fieldNames: string[] = names.map((name: string) => name.toUpperCase())
`

describe('schema modules in CommonJS and ES module packages', () => {
  before(async () => {
    // The command runs over dist/: build it from the sources under test, only when they are newer
    // (inside `npm test`, which has just built it, rebuilding would remove runtime/dist while other
    // test files read it).
    const problem = await buildDist()
    assert.equal(problem, undefined, problem)
  })

  test("a CommonJS package: schemas importing './users.js' generate what an ES module package does", (t) => {
    const cjs = project('load-cjs', { name: 'feathers-cli-app', version: '0.0.0', main: 'lib/index' })
    const esm = project('load-esm', { name: 'esm-app', version: '0.0.0', type: 'module' })
    after(() => { cjs.remove(); esm.remove() })
    for (const box of [cjs, esm]) box.copy('schemas', 'schemas')
    const fromCjs = generate(cjs.dir)
    assert.equal(fromCjs.code, 0, fromCjs.stderr)
    const fromEsm = generate(esm.dir)
    assert.equal(fromEsm.code, 0, fromEsm.stderr)
    // The one difference: in a CommonJS package relative imports have no extension (for ts-node).
    const contents = (box: typeof cjs) => Object.fromEntries(Object.entries(box.snapshot('generated'))
      .map(([name, file]) => [name, file.content.replace(/from '(\.\/[\w-]+)\.js'/g, "from '$1'")]))
    assert.deepEqual(contents(cjs), contents(esm))
    t.diagnostic(fromCjs.stdout.trim().split('\n').at(-1) ?? '')
  })

  for (const [label, packageJson, helperFolder] of [
    ['an ES module package', { name: 'esm-app', type: 'module' }, { type: 'commonjs' }],
    ['a CommonJS package', { name: 'cjs-app' }, undefined],
  ] as const) {
    test(`${label}: a CommonJS helper that imports a throwing file is one diagnostic line`, () => {
      const box = project('load-helper', packageJson)
      after(() => box.remove())
      box.write('schemas/things.ts', THINGS)
      box.write('lib/helper.ts', HELPER)
      if (helperFolder !== undefined) box.write('lib/package.json', JSON.stringify(helperFolder))
      box.write('lib/names.ts', "export const names = ['a', 'b']\nthrow new Error('names exploded')\n")
      const thrown = generate(box.dir)
      assert.equal(thrown.code, 1, thrown.stderr)
      assert.deepEqual(thrown.problems, [
        'schemas/things.ts: threw while loading: names exploded (at lib/names.ts:2)',
        'feathers-sio-gen: 1 problem found; nothing was written',
      ])

      box.write('lib/names.ts', "export const names = ['a', 'b']\n")
      box.write('lib/helper.ts', HELPER.replace("'./names'", "'./missing'"))
      const missing = generate(box.dir)
      assert.equal(missing.code, 1, missing.stderr)
      assert.deepEqual(missing.problems, [
        "schemas/things.ts: threw while loading: Cannot find module './missing' (required from lib/helper.ts)",
        'feathers-sio-gen: 1 problem found; nothing was written',
      ])

      box.write('lib/helper.ts', HELPER)
      const fixed = generate(box.dir)
      assert.equal(fixed.code, 0, fixed.stderr)
      assert.match(box.read('generated/types.ts'), /A, B/)
    })
  }
})
