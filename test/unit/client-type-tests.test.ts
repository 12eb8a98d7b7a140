// The compile-only client type tests must be able to fail: with every `@ts-expect-error` marker
// removed, tsc must report an error on each marked line and on no other line.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { repoRoot } from '../helpers/cli-sandbox.js'

const FILES = ['client-params.ts', 'client-service.ts']
const MARKER = /^\s*\/\/ @ts-expect-error\b.*$/

test('each @ts-expect-error line of the client type tests fails on its own, and nothing else does', () => {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'client-type-tests-'))
  try {
    const expected = new Map<string, number[]>()
    for (const file of FILES) {
      const lines = readFileSync(join(repoRoot, 'test/types', file), 'utf8').split('\n')
      const marked: number[] = []
      // Blank out each marker (keeping line numbers) and remember the line it guarded (1-based).
      const stripped = lines.map((line, index) => {
        if (!MARKER.test(line)) return line
        marked.push(index + 2)
        return ''
      })
      assert.ok(marked.length >= 10, `${file}: expected many marked lines, found ${marked.length}`)
      expected.set(file, marked)
      writeFileSync(join(dir, file), stripped.join('\n').replaceAll("'../.generated/", "'../../test/.generated/"))
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: FILES }))
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' })
    assert.notEqual(tsc.status, 0, 'tsc accepted the type tests without their markers')
    const errors = new Map<string, Set<number>>()
    for (const match of tsc.stdout.matchAll(/([\w-]+\.ts)\((\d+),\d+\): error/g)) {
      const [, file = '', line = '0'] = match
      errors.set(file, (errors.get(file) ?? new Set()).add(Number(line)))
    }
    for (const [file, marked] of expected) {
      const failed = errors.get(file) ?? new Set()
      assert.deepEqual(marked.filter((line) => !failed.has(line)), [], `${file}: marked lines that compiled`)
      assert.deepEqual([...failed].filter((line) => !marked.includes(line)), [], `${file}: unmarked lines that failed\n${tsc.stdout}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
