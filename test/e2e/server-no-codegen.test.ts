import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'

// SPEC §3/§4: the generated validators compile nothing and evaluate no strings. Proven in a
// process where V8 refuses eval and new Function; the child checks that the flag bites first.

test('registering and calling services works with --disallow-code-generation-from-strings', () => {
  const child = fileURLToPath(new URL('./server-no-codegen.child.ts', import.meta.url))
  const result = spawnSync(process.execPath, [
    '--disallow-code-generation-from-strings', '--import', 'tsx', '--conditions=feathers-sio-gen-source', child,
  ], { encoding: 'utf8', timeout: 60_000 })
  assert.equal(result.status, 0, `child failed:\n${result.stdout}\n${result.stderr}`)
  assert.match(result.stdout, /no-codegen: ok/)
})
