// `node --expose-gc loader-rss.mjs <project> <edits>`: one schema loader (dist/, as --watch keeps
// it) over `edits` one-file edits, each followed by a load; prints JSON with the RSS after the
// first load and after the last (both after a full GC). Bounded in edits and in time (120 s).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [project, editsArg, moduleName] = process.argv.slice(2)
const edits = Number(editsArg)
const dist = new URL('../../dist/generator/load/', import.meta.url)
const { createSchemaLoader } = await import(new URL('schema-loader.js', dist).href)
const { findSchemaModules } = await import(new URL('find-schema-modules.js', dist).href)

const loader = createSchemaLoader(project)
const files = await findSchemaModules(join(project, 'schemas'), project)
const file = join(project, 'schemas', moduleName)
const original = readFileSync(file, 'utf8')
const rssMB = () => { globalThis.gc(); return process.memoryUsage().rss / 1024 / 1024 }
const deadline = performance.now() + 120_000
const load = async () => {
  const modules = await loader.load(files)
  const failed = modules.find((module) => 'error' in module)
  if (failed !== undefined) throw new Error(`${failed.file}: ${failed.error}`)
}
await load()
const firstMB = rssMB()
let done = 0
try {
  for (; done < edits && performance.now() < deadline; done++) {
    writeFileSync(file, original.replace('  id: Type.Integer(),', `  id: Type.Integer(),\n  edit${done}: Type.Optional(Type.Integer()),`))
    await load()
  }
} finally {
  writeFileSync(file, original)
  await loader.close()
}
console.log(JSON.stringify({ firstMB, lastMB: rssMB(), edits: done }))
