import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { repoRoot } from '../helpers/cli-sandbox.js'

// README.md shows a complete server; test/types/server-readme-example.ts is the same code,
// type-checked by the project typecheck. This keeps the two from drifting apart.

test('the server in README.md is the type-checked example', () => {
  const doc = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const block = doc.split('### A complete server for `./schemas`\n\n```ts\n')[1]?.split('\n```')[0]
  assert.ok(block !== undefined, 'README.md has the complete server block')
  const example = readFileSync(join(repoRoot, 'test/types/server-readme-example.ts'), 'utf8')
    .split('\n').slice(2).join('\n').replaceAll("'../.generated/", "'./generated/")
  assert.equal(block.trim(), example.trim())
})
