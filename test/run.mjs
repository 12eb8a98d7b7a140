// The test entry point. It
//   1. generates ./schemas into test/.generated (which type tests and e2e tests import) and into
//      ./generated (which examples/ import, as the README's first command does); both gitignored;
//   2. with --typecheck, type-checks the whole project (sources, tests, type tests, examples);
//   3. runs every test file under test/ (or the files named) with node's test runner.
// TypeScript runs through tsx; the `feathers-sio-gen-source` condition makes `feathers-sio-gen/*`
// imports resolve to this repository's sources, so tests never depend on a stale build.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const tsxNode = [process.execPath, '--import', 'tsx', '--conditions=feathers-sio-gen-source']
const args = process.argv.slice(2)
const typecheck = args.includes('--typecheck')
const named = args.filter((arg) => !arg.startsWith('--'))

/** Runs a command in the repository root, inheriting output; exits the run when it fails. */
function run(label, command, commandArgs) {
  console.log(`# ${label}`)
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`# ${label} failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
}

for (const out of ['test/.generated', 'generated']) {
  run(`generate ./schemas into ${out}`, tsxNode[0], [...tsxNode.slice(1), 'generator/cli.ts', './schemas', '--out', out])
}
if (typecheck) run('type-check the project (tsc -p tsconfig.json)', join(root, 'node_modules/typescript/bin/tsc'), ['-p', 'tsconfig.json'])

const files = named.length > 0
  ? named
  : readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.test\.m?ts$/.test(file) && !/(^|\/)(fixtures|node_modules|\.generated)\//.test(file))
      .map((file) => join('test', file))
      .sort()

const result = spawnSync(tsxNode[0], [
  ...tsxNode.slice(1), '--test', '--test-concurrency=2', '--test-timeout=600000', ...files,
], { cwd: root, stdio: 'inherit' })
process.exit(result.status ?? 1)
