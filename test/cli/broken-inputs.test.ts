import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { brokenCases } from '../fixtures/broken/cases.js'
import { makeSandbox } from '../helpers/cli-sandbox.js'

// Each broken fixture alone in a schema directory: the CLI exits 1, prints the expected line
// (file, subject, path, message) on stderr, and leaves a previous good output untouched.
describe('the CLI on broken schema modules', () => {
  const box = makeSandbox('broken-inputs')
  let good: ReturnType<typeof box.snapshot>

  before(async () => {
    box.copy('schemas', 'good')
    const run = await box.run('good', '--out', 'out')
    assert.equal(run.code, 0, run.stderr)
    good = box.snapshot('out')
    assert.ok(Object.keys(good).length > 0)
  })
  after(() => box.remove())

  for (const { file, expect } of brokenCases) {
    test(file, async () => {
      // The module keeps its repository-relative name, so the line names it as users would see it.
      rmSync(join(box.dir, 'test'), { recursive: true, force: true })
      box.copy(file, file)
      const run = await box.run('test/fixtures/broken', '--out', 'out')
      assert.equal(run.code, 1, `exit ${run.code}\n${run.stdout}${run.stderr}`)
      const lines = run.stderr.split('\n')
      assert.ok(lines.some((line) => expect.test(line)), `no stderr line matches ${expect}:\n${run.stderr}`)
      assert.equal(run.stdout, '')
      assert.deepEqual(box.snapshot('out'), good)
    })
  }
})
