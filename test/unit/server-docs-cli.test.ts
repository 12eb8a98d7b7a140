import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { repoRoot } from '../helpers/cli-sandbox.js'

// docs/server.md shows a CLI service module; test/types/cli-layout/messages.ts is the same code,
// type-checked by the project typecheck against a CLI-style declarations.ts and app.ts.

test('the CLI service module in docs/server.md is the type-checked one', () => {
  const doc = readFileSync(join(repoRoot, 'docs/server.md'), 'utf8')
  const block = doc.split('```ts\n// src/services/messages/messages.ts')[1]?.split('\n```')[0]
  assert.ok(block !== undefined, 'docs/server.md has the messages.ts block')
  const example = readFileSync(join(repoRoot, 'test/types/cli-layout/messages.ts'), 'utf8')
    .replace('// src/services/messages/messages.ts', '').replaceAll("'../../.generated/", "'../../generated/")
  assert.equal(block.trim(), example.trim())
})
