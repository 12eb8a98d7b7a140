// The compile-only client type tests must hold on every supported TypeScript (SPEC §5: 5.9, 6.0,
// 7.0) and must be able to fail: as written they compile; with every `@ts-expect-error` marker
// removed, tsc reports an error on each marked line and on no other line.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { repoRoot } from '../helpers/cli-sandbox.js'

const FILES = ['client-params.ts', 'client-service.ts']
const MARKER = /^\s*\/\/ @ts-expect-error\b.*$/
/** The installed compilers: the project's (7.x) and the bench's aliases for 5.9 and 6.0. */
const COMPILERS = ['typescript', 'typescript-6', 'typescript-5']
  .map((name) => join(repoRoot, 'node_modules', name, 'bin/tsc'))
  .filter((tsc) => existsSync(tsc))

/** Runs `tsc` on copies of the type tests (markers kept or blanked); returns its output and the marked lines. */
function compile(tsc: string, stripMarkers: boolean) {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'client-type-tests-'))
  try {
    const marked = new Map<string, number[]>()
    for (const file of FILES) {
      const lines = readFileSync(join(repoRoot, 'test/types', file), 'utf8').split('\n')
      const guarded: number[] = []
      // Blank out each marker (keeping line numbers) and remember the line it guards (1-based).
      const copy = lines.map((line, index) => {
        if (!MARKER.test(line)) return line
        guarded.push(index + 2)
        return stripMarkers ? '' : line
      })
      marked.set(file, guarded)
      writeFileSync(join(dir, file), copy.join('\n').replaceAll("'../.generated/", "'../../test/.generated/"))
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: FILES }))
    const run = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' })
    return { status: run.status, output: run.stdout + run.stderr, marked }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('client type tests', () => {
  test('three compilers are installed (7.x, 6.0, 5.9)', () => assert.equal(COMPILERS.length, 3))

  for (const tsc of COMPILERS) {
    const name = tsc.split('/').at(-3)
    test(`${name}: compile as written`, () => {
      const { status, output } = compile(tsc, false)
      assert.equal(status, 0, output)
    })

    test(`${name}: without its marker each marked line fails, and nothing else does`, () => {
      const { status, output, marked } = compile(tsc, true)
      assert.notEqual(status, 0, 'tsc accepted the type tests without their markers')
      const failed = new Map<string, Set<number>>()
      for (const match of output.matchAll(/([\w-]+\.ts)\((\d+),\d+\): error/g)) {
        const [, file = '', line = '0'] = match
        failed.set(file, (failed.get(file) ?? new Set()).add(Number(line)))
      }
      for (const [file, lines] of marked) {
        assert.ok(lines.length >= 10, `${file}: expected many marked lines, found ${lines.length}`)
        const errors = failed.get(file) ?? new Set()
        assert.deepEqual(lines.filter((line) => !errors.has(line)), [], `${file}: marked lines that compiled`)
        assert.deepEqual([...errors].filter((line) => !lines.includes(line)), [], `${file}: unmarked lines that failed\n${output}`)
      }
    })
  }
})
