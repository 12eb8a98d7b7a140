// The one-off fast path: schema modules bundled and evaluated at once, or declined (undefined)
// whenever that could load them differently from module-by-module loading.
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { findSchemaModules } from '../../generator/load/find-schema-modules.js'
import { loadBundled } from '../../generator/load/load-bundled.js'
import { makeSandbox } from '../helpers/cli-sandbox.js'

const typebox = "import { Type } from '@sinclair/typebox'"

async function load(files: Record<string, string>, packageJson?: string) {
  const box = makeSandbox('load-bundled')
  after(() => box.remove())
  if (packageJson !== undefined) box.write('schemas/package.json', packageJson)
  for (const [name, text] of Object.entries(files)) box.write(join('schemas', name), text)
  const dir = join(box.dir, 'schemas')
  const loaded = await loadBundled(await findSchemaModules(dir, box.dir), dir)
  // Nothing of the bundle is left beside the schema modules.
  assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('.')), [])
  return loaded
}

test('each module\'s exports, in order, with a schema two modules share kept one object', async () => {
  const loaded = await load({
    'a.ts': `${typebox}\nexport const Name = Type.String({ maxLength: 3 })\nexport default 1\n`,
    'b.ts': `${typebox}\nimport { Name } from './a.js'\nexport const Pair = Type.Object({ first: Name, last: Name })\n`,
  })
  assert.ok(loaded !== undefined)
  assert.deepEqual(loaded.map((module) => module.file.split('/').pop()), ['a.ts', 'b.ts'])
  const [a, b] = loaded.map((module) => ('exports' in module ? module.exports : {}))
  assert.deepEqual(Object.keys(a!).sort(), ['Name', 'default'])
  const pair = b!['Pair'] as { properties: Record<string, unknown> }
  assert.equal(pair.properties['first'], a!['Name'])
})

test('declined for a module that knows its own file, one that throws, and a CommonJS package', async () => {
  assert.equal(await load({ 'a.ts': `${typebox}\nexport const Here = Type.String({ default: import.meta.url })\n` }), undefined)
  assert.equal(await load({ 'a.ts': `${typebox}\nexport const A = Type.String()\n`, 'b.ts': "throw new Error('no')\n" }), undefined)
  assert.equal(await load({ 'a.ts': `${typebox}\nexport const A = Type.String()\n` }, '{ "type": "commonjs" }'), undefined)
  assert.equal(await load({ 'a.ts': 'export const = broken\n' }), undefined)
})
