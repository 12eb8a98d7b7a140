import assert from 'node:assert/strict'
import { cpSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { brokenCases } from '../fixtures/broken/cases.js'
import { makeSandbox, repoRoot, runCli } from '../helpers/cli-sandbox.js'

// Each broken fixture alone in a schema directory: the CLI exits 1, prints the expected line
// (file, subject, path, message) on stderr, and leaves a previous good output untouched.
// Every case has its own working directory, so the cases run four at a time.
describe('the CLI on broken schema modules', { concurrency: 4 }, () => {
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

  for (const [index, { file, expect }] of brokenCases.entries()) {
    test(file, async () => {
      // The module keeps its repository-relative name, so the line names it as users would see it.
      const cwd = join(box.dir, `case-${index}`)
      mkdirSync(cwd)
      cpSync(join(repoRoot, file), join(cwd, file), { recursive: true })
      cpSync(join(box.dir, 'out'), join(cwd, 'out'), { recursive: true })
      const before = box.snapshot(`case-${index}/out`)
      const run = await runCli(['test/fixtures/broken', '--out', 'out'], cwd)
      assert.equal(run.code, 1, `exit ${run.code}\n${run.stdout}${run.stderr}`)
      const lines = run.stderr.split('\n')
      assert.ok(lines.some((line) => expect.test(line)), `no stderr line matches ${expect}:\n${run.stderr}`)
      assert.equal(run.stdout, '')
      assert.deepEqual(box.snapshot(`case-${index}/out`), before, 'the out directory changed')
      for (const [name, { content }] of Object.entries(before)) assert.equal(content, good[name]!.content)
    })
  }
})
