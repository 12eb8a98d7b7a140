// Generated client.ts and types.ts carry `// @ts-nocheck`, so a consumer's tsc does not re-check
// their declarations (issue 12). This test is where they are checked: the generated files for
// ./schemas, without the pragma, under the project's strictest options, on TypeScript 5.9, 6 and 7.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { repoRoot } from '../helpers/cli-sandbox.js'

const generated = join(repoRoot, 'test', '.generated')

/** Copies the generated files without `// @ts-nocheck` (and `extra` appended to client.ts) and runs `tsc` on them. */
export function checkStrictly(compiler: string, extra = ''): { status: number | null; output: string; pragmas: number } {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'generated-strict-'))
  let pragmas = 0
  try {
    const files = readdirSync(generated).filter((name) => name.endsWith('.ts'))
    for (const name of files) {
      const source = readFileSync(join(generated, name), 'utf8').replace(/^\/\/ @ts-nocheck\n/m, () => { pragmas++; return '' })
      writeFileSync(join(dir, name), name === 'client.ts' ? source + extra : source)
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: files }))
    const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules', compiler, 'bin', 'tsc'), '-p', dir, '--pretty', 'false'], { encoding: 'utf8' })
    return { status: run.status, output: run.stdout + run.stderr, pragmas }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('the generated files type-check strictly', () => {
  for (const compiler of ['typescript', 'typescript-6', 'typescript-5']) {
    test(`${compiler}: client.ts and types.ts without @ts-nocheck, with server.ts and validators.ts`, () => {
      assert.ok(existsSync(join(repoRoot, 'node_modules', compiler)), `${compiler} is not installed`)
      const { status, output, pragmas } = checkStrictly(compiler)
      assert.equal(pragmas, 2, 'client.ts and types.ts each carry @ts-nocheck')
      assert.equal(status, 0, output)
    })
  }

  test('an error in a generated declaration is found (the check can fail)', () => {
    const { status, output } = checkStrictly('typescript', '\nexport interface Broken { a: DoesNotExist }\n')
    assert.notEqual(status, 0)
    assert.match(output, /client\.ts\(\d+,\d+\): error TS2304: Cannot find name 'DoesNotExist'/)
  })
})
