// Runs every benchmark at its --quick size, as `npm run bench -- --quick` does, and checks what it
// reports: each benchmark a section, every cell a positive finite number (or the run fails), each
// target met or missed (never unmeasured), and the markdown that RESULTS.md is made of.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import type { RunReport } from '../../bench/harness/format-results.js'
import type { Cell } from '../../bench/harness/result.js'
import { measured, missedBy, missing, ratioOf } from '../../bench/harness/result.js'
import { summarize } from '../../bench/harness/stats.js'

const root = new URL('../..', import.meta.url).pathname

test('summaries and paired ratios', () => {
  assert.deepEqual(summarize([3, 1, 2, 10]), { median: 2.5, min: 1, max: 10, n: 4 })
  const ratio = ratioOf('a/b', measured([2, 4, 9]), measured([1, 2, 3]), { op: '>=', value: 2.5 })
  assert.equal(ratio.status, 'missed')
  assert.deepEqual(ratio.cell.kind === 'measured' && ratio.cell.summary, { median: 2, min: 2, max: 3, n: 3 })
  assert.ok(Math.abs(missedBy(ratio)! - 20) < 1e-9)
  assert.equal(ratioOf('a/b', measured([1]), { kind: 'missing', reason: 'absent' }, { op: '<=', value: 1 }).status, 'not measured')
  // A run stopped at its limit is a lower bound: enough to call a `<=` target missed, never met.
  const stopped = ratioOf('t/limit', missing('stopped after 120 s', 120_000), measured([3000]), { op: '<=', value: 1 })
  assert.equal(stopped.status, 'missed')
  assert.ok(Math.abs(missedBy(stopped)! - 3900) < 1e-9)
  assert.equal(ratioOf('t/limit', missing('stopped', 100), measured([3000]), { op: '<=', value: 1 }).status, 'not measured')
})

test('npm run bench -- --quick: every benchmark reports well-formed numbers', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-quick-'))
  try {
    const json = join(dir, 'results.json')
    const markdown = join(dir, 'RESULTS.md')
    const run = spawnSync(process.execPath, [
      '--import', 'tsx', '--conditions=feathers-sio-gen-source', 'bench/run.ts', '--quick', '--json', json, '--results', markdown,
    ], { cwd: root, encoding: 'utf8', timeout: 280_000 })
    assert.equal(run.status, 0, `bench exited ${run.status}:\n${run.stderr}\n${run.stdout.slice(-2000)}`)
    const report = JSON.parse(readFileSync(json, 'utf8')) as RunReport
    assert.equal(report.quick, true)
    assert.deepEqual(report.sections.map((s) => s.id), ['bench 1', 'bench 2', 'bench 3', 'bench 4', 'bench 5', 'bench 6'])

    const wellFormed = (where: string, cell: Cell, runs: number) => {
      assert.equal(cell.kind, 'measured', `${where}: ${cell.kind === 'missing' ? cell.reason : ''}`)
      if (cell.kind !== 'measured') return
      assert.ok([1, runs].includes(cell.samples.length), `${where}: ${cell.samples.length} samples`)
      for (const value of [...cell.samples, cell.summary.median, cell.summary.min, cell.summary.max]) {
        assert.ok(Number.isFinite(value) && value > 0, `${where}: ${value} is not a positive finite number`)
      }
      assert.ok(cell.summary.min <= cell.summary.median && cell.summary.median <= cell.summary.max, `${where}: min <= median <= max`)
    }
    for (const section of report.sections) {
      assert.ok(section.tables.length > 0, `${section.id} has no table`)
      assert.ok(section.ratios.length > 0, `${section.id} has no ratio`)
      for (const table of section.tables) {
        assert.ok(table.rows.length > 0, `${section.id}: ${table.title} has no rows`)
        for (const row of table.rows) {
          for (const column of table.columns) wellFormed(`${section.id}: ${row.label}: ${column.label}`, row.cells[column.key]!, report.runs)
        }
      }
      for (const ratio of section.ratios) {
        wellFormed(`${section.id}: ${ratio.label}`, ratio.cell, report.runs)
        assert.ok(ratio.target === undefined ? ratio.status === 'info' : ['met', 'missed'].includes(ratio.status), `${ratio.label}: ${ratio.status}`)
      }
    }

    const text = readFileSync(markdown, 'utf8')
    for (const heading of ['# Benchmark results', '## Machine', '## Targets', ...report.sections.map((s) => `## ${s.title}`)]) {
      assert.ok(text.includes(`\n${heading}\n`) || text.startsWith(`${heading}\n`), `RESULTS.md lacks "${heading}"`)
    }
    assert.match(text, /\| --- \|( ---: \|)+/, 'RESULTS.md has no table')
    assert.match(text, /target (<=|>=) [\d.]+: (met|\*\*missed\*\* by [\d.,]+%)/, 'RESULTS.md has no verdict on a target')
    assert.doesNotMatch(text, /not measured|NaN|Infinity/, 'RESULTS.md has an unmeasured or non-finite value')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
