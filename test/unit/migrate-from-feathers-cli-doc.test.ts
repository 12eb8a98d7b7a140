import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { repoRoot } from '../helpers/cli-sandbox.js'

// docs/migrate-from-feathers-cli.md quotes files of examples/cli-app; test/e2e/cli-app.test.ts
// type-checks and runs that app. This test keeps the two the same: every block marked
// `<!-- file: path -->` must be that file, byte for byte.

const doc = readFileSync(join(repoRoot, 'docs/migrate-from-feathers-cli.md'), 'utf8')
const quoted = [...doc.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g)].map(([, path, block]) => ({ path: path!, block: block! }))

test('the migration guide quotes the example app', () => {
  const paths = quoted.map(({ path }) => path)
  for (const expected of ['schemas/messages.ts', 'src/services/messages/messages.class.ts', 'src/services/messages/messages.resolvers.ts',
    'src/services/messages/messages.ts', 'src/client.ts']) {
    assert.ok(paths.includes(`examples/cli-app/${expected}`), `the guide no longer quotes examples/cli-app/${expected}`)
  }
  assert.equal(doc.split('<!-- file: ').length - 1, quoted.length, 'a `<!-- file: … -->` marker is not followed by a code block')
})

for (const { path, block } of quoted) {
  test(`the guide's ${path} is the file`, () => {
    assert.ok(existsSync(join(repoRoot, path)), `${path} does not exist`)
    assert.equal(block, readFileSync(join(repoRoot, path), 'utf8'), `the guide's block differs from ${path}: copy the file into the guide`)
  })
}
