// Runs every test file under test/ (or those named on the command line) with node's test runner.
// TypeScript runs through tsx; the `feathers-sio-gen-source` condition makes `feathers-sio-gen/*`
// imports resolve to this repository's sources, so tests never depend on a stale build.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const args = process.argv.slice(2)
const files = args.length > 0
  ? args
  : readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.test\.m?ts$/.test(file) && !file.includes('fixtures') && !file.includes('node_modules'))
      .map((file) => join('test', file))
      .sort()

const result = spawnSync(process.execPath, [
  '--import', 'tsx', '--conditions=feathers-sio-gen-source',
  '--test', '--test-concurrency=2', '--test-timeout=120000', ...files,
], { cwd: root, stdio: 'inherit' })
process.exit(result.status ?? 1)
