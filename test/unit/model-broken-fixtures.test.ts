import assert from 'node:assert/strict'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'
import { loadSchemaModules } from '../../generator/load/load-schema-modules.js'
import { buildModel } from '../../generator/model/build-model.js'
import { formatDiagnostic } from '../../generator/model/format-diagnostic.js'
import { brokenCases } from '../fixtures/broken/cases.js'

const root = join(fileURLToPath(import.meta.url), '..', '..', '..')

// The same fixtures the CLI test runs, checked in-process: each module has exactly one problem,
// and the line it produces is the one cases.ts expects.
test('there are at least 28 broken fixtures, each with a distinct expectation', () => {
  assert.ok(brokenCases.length >= 28, `${brokenCases.length} cases`)
  assert.equal(new Set(brokenCases.map((c) => c.expect.source)).size, brokenCases.length)
  assert.equal(new Set(brokenCases.map((c) => c.file)).size, brokenCases.length)
})

for (const { file, expect } of brokenCases) {
  test(`${file} gives exactly its one diagnostic`, async () => {
    const modules = await loadSchemaModules([{ absolute: join(root, file), display: file }], root)
    const lines = buildModel(modules).diagnostics.map(formatDiagnostic)
    assert.equal(lines.length, 1, lines.join('\n'))
    assert.match(lines[0]!, expect)
  })
}
