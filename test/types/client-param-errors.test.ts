// The compile errors a forbidden `params` gets (SPEC §3's query-only rule), pinned word for word
// on every supported TypeScript (5.9, 6.0, 7.0) in a user's usual tsconfig (strict, bundler): a
// literal's error names the extra key, and every error names the rule (`only_query_crosses_the_socket`).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { repoRoot } from '../helpers/cli-sandbox.js'

const CALLS = `import type { Params } from '@feathersjs/feathers'
import type { Client } from '../../test/.generated/client.js'
declare const client: Client
const messages = client.service('messages')
void messages.find({ query: {}, user: { id: 1 } })
declare const feathersParams: Params
void messages.find(feathersParams)
const wider = { query: { userId: 1 }, user: { id: 1 } }
void messages.find(wider)
void messages.remove(1, { route: { id: 1 } })
`

const TSCONFIG = {
  compilerOptions: {
    target: 'es2022', module: 'esnext', moduleResolution: 'bundler', strict: true, skipLibCheck: true,
    noEmit: true, types: [], customConditions: ['feathers-sio-gen-source'],
  },
  files: ['errors.ts'],
}

/** The parameter type as each compiler prints it: TypeScript 7 lists the mapped keys in source order. */
function expected(compiler: string): string[] {
  const keys = compiler === 'typescript' ? 'query?: unknown; [only_query_crosses_the_socket]?: unknown;' : '[only_query_crosses_the_socket]?: unknown; query?: unknown;'
  const parameter = `MessagesClientParams & { ${keys} } & OnlyQueryCrossesTheSocket`
  const variable = (type: string) => [
    `error TS2345: Argument of type '${type}' is not assignable to parameter of type '${parameter}'.`,
    `  Property '[only_query_crosses_the_socket]' is missing in type '${type}' but required in type 'OnlyQueryCrossesTheSocket'.`,
  ]
  return [
    `errors.ts(5,33): error TS2353: Object literal may only specify known properties, and 'user' does not exist in type '${parameter}'.`,
    ...variable('Params<Query>').map((line, i) => (i === 0 ? `errors.ts(7,20): ${line}` : line)),
    ...variable('{ query: { userId: number; }; user: { id: number; }; }').map((line, i) => (i === 0 ? `errors.ts(9,20): ${line}` : line)),
    `errors.ts(10,27): error TS2353: Object literal may only specify known properties, and 'route' does not exist in type '${parameter}'.`,
  ]
}

describe('the errors of forbidden params', () => {
  for (const compiler of ['typescript', 'typescript-6', 'typescript-5']) {
    const tsc = join(repoRoot, 'node_modules', compiler, 'bin', 'tsc')
    test(`${compiler}: name the rule, and a literal's extra key`, () => {
      assert.ok(existsSync(tsc), `${compiler} is not installed`)
      mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
      const dir = mkdtempSync(join(repoRoot, '.tmp', 'param-errors-'))
      try {
        writeFileSync(join(dir, 'errors.ts'), CALLS)
        writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG))
        const run = spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { cwd: dir, encoding: 'utf8' })
        const lines = run.stdout.split('\n').filter((line) => line.trim() !== '')
        assert.notEqual(run.status, 0, 'tsc accepted forbidden params')
        assert.deepEqual(lines, expected(compiler))
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  }
})
