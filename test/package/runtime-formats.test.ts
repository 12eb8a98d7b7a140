import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { repoRoot } from '../helpers/cli-sandbox.js'

// The built run-time package (npm test builds it first): one CommonJS build, and ES module
// wrappers over it, so `require` and `import` reach the same module instance; and every file the
// two package.json files point to (exports, typesVersions, main, types) is there.
const runtime = join(repoRoot, 'runtime')
const entries = ['schema', 'server', 'client']

// Checked in a plain Node child: tsx (which runs the tests) rewrites dynamic imports of CommonJS.
const sameInstance = `
import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
for (const entry of ${JSON.stringify(entries)}) {
  const required = require(\`./dist/cjs/\${entry}/index.js\`)
  const imported = await import(\`./dist/esm/\${entry}/index.mjs\`)
  const names = Object.keys(required).filter((name) => name !== '__esModule').sort()
  if (names.length === 0) throw new Error(\`\${entry}: nothing exported\`)
  const importedNames = Object.keys(imported).filter((name) => name !== 'default').sort()
  if (importedNames.join() !== names.join()) throw new Error(\`\${entry}: \${importedNames} vs \${names}\`)
  for (const name of names) if (imported[name] !== required[name]) throw new Error(\`\${entry}: \${name} is a second copy\`)
  if (imported.default !== required) throw new Error(\`\${entry}: default is not module.exports\`)
}
console.log('one instance')
`

test('require() and import reach the same instance of each runtime entry, with the same names', () => {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', sameInstance], { cwd: runtime, encoding: 'utf8' })
  assert.equal(run.status, 0, run.stderr)
  assert.equal(run.stdout.trim(), 'one instance')
})

/** Every string in a package.json's exports/typesVersions/main/types that names a file. */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('./') && !value.includes('*') ? [value] : []
  if (Array.isArray(value)) return value.flatMap(targets)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(targets)
  return []
}

test('every file either package.json points to exists', () => {
  for (const dir of [runtime, repoRoot]) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>
    const files = targets([manifest['exports'], manifest['typesVersions'], manifest['main'], manifest['types']])
    assert.ok(files.length >= 10, `${dir}: only ${files.length} targets`)
    for (const file of files) assert.ok(existsSync(join(dir, file)), `${join(dir, file)} is missing`)
  }
})
