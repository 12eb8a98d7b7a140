// `npm run example` (examples/chat) regenerates ./generated, runs the chat between two generated
// clients and the generated server, prints the conversation and exits 0.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { test } from 'node:test'
import { repoRoot } from '../helpers/cli-sandbox.js'

test('npm run example exits 0 and prints the conversation', () => {
  const run = spawnSync('npm', ['run', '--silent', 'example'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 })
  assert.equal(run.status, 0, `exit ${run.status ?? run.signal}\n${run.stdout}\n${run.stderr}`)
  const lines = run.stdout.split('\n')
  const start = lines.indexOf('--- conversation ---')
  assert.ok(start >= 0, run.stdout)
  assert.deepEqual(lines.slice(start + 1, start + 6), [
    'Ann: Hi Bob! Is this chat typed end to end? (read)',
    'Bob: Hi Ann. It is: my params can only hold a query.',
    'Ann: And the server strips what the schema does not declare. (read)',
    '3 messages; Ann received 3 events, Bob 3; Bob marked 2 read',
    '--- the conversation went through ---',
  ])
})
