// `--watch` keeps one schema loader for the whole session. For ES modules it evaluates them in a
// registry of its own (generator/load/module-registry.ts), so that an edited module's old version
// is freed: Node's ES module loader keeps every version it evaluated, for good.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { findSchemaModules } from '../../generator/load/find-schema-modules.js'
import { createSchemaLoader } from '../../generator/load/schema-loader.js'
import type { LoadedModule } from '../../generator/model/model.js'
import { makeSandbox } from '../helpers/cli-sandbox.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const typebox = "import { Type } from '@sinclair/typebox'"

/** A project of schema modules and a loader kept over its edits, as `--watch` keeps one. */
function project(files: Record<string, string>, packageJson?: string) {
  const box = makeSandbox('schema-loader-registry')
  if (packageJson !== undefined) box.write('schemas/package.json', packageJson)
  const loader = createSchemaLoader(box.dir)
  after(async () => {
    await loader.close()
    box.remove()
  })
  const write = (name: string, text: string) => box.write(join('schemas', name), text)
  for (const [name, text] of Object.entries(files)) write(name, text)
  const load = async () => {
    const modules = await loader.load(await findSchemaModules(join(box.dir, 'schemas'), box.dir))
    return Object.fromEntries(modules.map((module) => [module.file.split('/').pop()!, exportsOf(module)]))
  }
  return { write, load }
}

function exportsOf(module: LoadedModule): Record<string, unknown> {
  if ('error' in module) throw new Error(`${module.file}: ${module.error}`)
  return module.exports
}

/** Lets the current job end (a WeakRef holds its target until then), then collects. */
async function collect(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve))
  gc()
}

for (const [format, packageJson] of [['ES modules', undefined], ['CommonJS (a Feathers CLI app)', '{ "type": "commonjs" }']] as const) {
test(`${format}: an edited module and its importers are evaluated anew; the old versions are freed, the rest kept`, async () => {
  const name = (max: number) => `${typebox}\nexport const Name = Type.String({ maxLength: ${max} })\n`
  const { write, load } = project({
    'a.ts': name(1),
    'b.ts': `${typebox}\nimport { Name } from './a.js'\nexport const Pair = Type.Object({ first: Name, last: Name })\n`,
    'c.ts': `${typebox}\nexport const Other = Type.Integer()\n`,
  }, packageJson)
  // Only weak references to the first load's exports stay here.
  const { old, other } = await load().then((first) => ({
    old: { name: new WeakRef(first['a.ts']!['Name'] as object), pair: new WeakRef(first['b.ts']!['Pair'] as object) },
    other: first['c.ts']!['Other'],
  }))
  const versions: WeakRef<object>[] = []
  for (let edit = 2; edit < 8; edit++) {
    write('a.ts', name(edit))
    const next = await load()
    const pair = next['b.ts']!['Pair'] as { properties: { first: unknown } }
    assert.deepEqual(next['a.ts']!['Name'], { type: 'string', maxLength: edit, [Symbol.for('TypeBox.Kind')]: 'String' })
    // The importer sees the new version, still one object shared by both modules.
    assert.equal(pair.properties.first, next['a.ts']!['Name'])
    assert.equal(next['c.ts']!['Other'], other, 'an unchanged module keeps its instance')
    versions.push(new WeakRef(next['a.ts']!['Name'] as object))
  }
  await collect()
  assert.equal(old.name.deref(), undefined, 'the first version of a.ts is still held')
  assert.equal(old.pair.deref(), undefined, 'the first version of b.ts is still held')
  assert.deepEqual(versions.slice(0, -1).map((ref) => ref.deref() === undefined), [true, true, true, true, true])
})
}

test('CommonJS modules keep what CommonJS gives them: require, module.exports and their own file', async () => {
  const { write, load } = project({
    'a.ts': "const { Type } = require('@sinclair/typebox')\nmodule.exports = { Here: Type.String({ default: __filename, description: require.resolve('@sinclair/typebox') }) }\n",
    'b.ts': `${typebox}\nconst { Here } = require('./a')\nexport const Both = Type.Tuple([Here, Type.String({ default: __dirname })])\n`,
  }, '{ "type": "commonjs" }')
  const first = await load()
  const both = first['b.ts']!['Both'] as { items: Array<{ default: string }> }
  assert.match(both.items[0]!.default, /\/schemas\/a\.ts$/)
  assert.match((both.items[0] as { description?: string }).description ?? '', /node_modules\/@sinclair\/typebox\//)
  assert.equal(both.items[0], first['a.ts']!['Here'])
  assert.match(both.items[1]!.default, /\/schemas$/)
  write('a.ts', "const { Type } = require('@sinclair/typebox')\nmodule.exports = { Here: Type.String({ default: 'edited' }) }\n")
  const second = await load()
  assert.equal((second['b.ts']!['Both'] as { items: Array<{ default: string }> }).items[0]!.default, 'edited')
})

test('a module that could load differently as CommonJS goes through Node\'s loader, and back when it no longer does', async () => {
  const { write, load } = project({
    'a.ts': `${typebox}\nexport const Here = Type.String({ default: import.meta.url })\n`,
    'b.ts': `${typebox}\nexport const Later = await Promise.resolve(Type.Integer())\n`,
  })
  const first = await load()
  assert.match((first['a.ts']!['Here'] as { default: string }).default, /^file:.*\/a\.ts/)
  assert.equal((first['b.ts']!['Later'] as { type: string }).type, 'integer')
  write('a.ts', `${typebox}\nexport const Here = Type.String({ default: 'plain' })\n`)
  write('b.ts', `${typebox}\nexport const Later = Type.Number()\n`)
  const second = await load()
  assert.equal((second['a.ts']!['Here'] as { default: string }).default, 'plain')
  assert.equal((second['b.ts']!['Later'] as { type: string }).type, 'number')
  write('a.ts', `${typebox}\nexport const Here = Type.String({ default: import.meta.url })\n`)
  const third = await load()
  assert.match((third['a.ts']!['Here'] as { default: string }).default, /^file:.*\/a\.ts/)
  assert.equal((third['b.ts']!['Later'] as { type: string }).type, 'number')
})

test('a module importing JSON goes through Node\'s loader', async () => {
  const { write, load } = project({
    'c.ts': `${typebox}\nimport limits from './limits.json' with { type: 'json' }\nexport const Short = Type.String({ maxLength: limits.short })\n`,
    'limits.json': '{ "short": 3 }',
  })
  assert.equal(((await load())['c.ts']!['Short'] as { maxLength: number }).maxLength, 3)
  write('limits.json', '{ "short": 4 }')
  assert.equal(((await load())['c.ts']!['Short'] as { maxLength: number }).maxLength, 4)
})

test('a module that throws, or does not compile, fails alone and loads once mended', async () => {
  const { write, load } = project({
    'a.ts': `${typebox}\nexport const A = Type.String()\n`,
    'b.ts': `${typebox}\nimport { A } from './a.js'\nexport const B = Type.Array(A)\n`,
  })
  await load()
  write('a.ts', `${typebox}\nthrow new Error('not today')\nexport const A = Type.String()\n`)
  await assert.rejects(load(), /a\.ts: threw while loading: not today \(at schemas\/a\.ts:2\)/)
  write('a.ts', `${typebox}\nexport const A = Type.String(\n`)
  await assert.rejects(load(), /a\.ts: syntax error: schemas\/a\.ts:3:0: ERROR/)
  write('a.ts', `${typebox}\nexport const A = Type.String({ maxLength: 2 })\n`)
  const mended = await load()
  assert.equal((mended['b.ts']!['B'] as { items: unknown }).items, mended['a.ts']!['A'])
})
