import { join } from 'node:path'
import { build } from 'esbuild'
import { generate } from 'feathers-sio-gen/generator'
import { runProcess } from '../harness/run-process.js'
import { freshDir, writeFiles } from '../harness/workspace.js'
import { emitFeathersCliProject } from '../synth/emit-feathers-cli.js'
import { emitOurSchemas } from '../synth/emit-ours.js'
import { synthesizeServices } from '../synth/synthesize-services.js'

// Each entry imports its libraries first (not timed), then times evaluating the service modules
// (for the Feathers CLI app that is where getValidator compiles every schema with Ajv) and
// registering every service on a fresh app. Bundled by esbuild with packages external, run by
// plain node, so neither side pays for TypeScript compilation.
const oursEntry = (paths: readonly string[]) => `import { feathers } from '@feathersjs/feathers'
import 'feathers-sio-gen/server'
const started = performance.now()
const { registerServices } = await import('./generated/server.ts')
const implementation = { async find() { return [] }, async get(id) { return { id } }, async create(data) { return data }, async patch(id, data) { return data }, async remove(id) { return { id } } }
registerServices(feathers(), Object.fromEntries(${JSON.stringify(paths)}.map((path) => [path, implementation])))
console.log(JSON.stringify({ registerMs: performance.now() - started }))
`

const cliEntry = `import { feathers } from '@feathersjs/feathers'
import '@feathersjs/schema'
import '@feathersjs/typebox'
const started = performance.now()
const { services } = await import('./src/services/index.ts')
services(feathers())
console.log(JSON.stringify({ registerMs: performance.now() - started }))
`

/** Projects of `n` services, bundled; `ours` is a reason when the generator could not make it. */
export interface RegistrationBundles {
  ours: string | { missing: string }
  feathersCli: string
}

/** Writes, generates and bundles the two registration entries for `n` services. */
export async function prepareRegistration(n: number): Promise<RegistrationBundles> {
  const specs = synthesizeServices(n)
  const ours = freshDir('validation', `register-${n}`, 'ours')
  writeFiles(join(ours, 'schemas'), emitOurSchemas(specs))
  const result = await generate({ schemaDir: 'schemas', outDir: 'generated', cwd: ours })
  const cli = freshDir('validation', `register-${n}`, 'feathers-cli')
  writeFiles(cli, { ...emitFeathersCliProject(specs), 'entry.ts': cliEntry })
  const bundle = async (dir: string) => {
    await build({ entryPoints: [join(dir, 'entry.ts')], outfile: join(dir, 'entry.bundle.mjs'), bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' })
    return join(dir, 'entry.bundle.mjs')
  }
  let oursBundle: string | { missing: string }
  if (result.status !== 'ok' || !result.files.some((f) => f.name === 'server.ts')) {
    oursBundle = { missing: result.status === 'ok' ? 'the generator wrote no server.ts' : `generation failed: ${result.diagnostics[0]?.message ?? result.status}` }
  } else {
    writeFiles(ours, { 'entry.ts': oursEntry(specs.map((s) => s.path)) })
    oursBundle = await bundle(ours)
  }
  return { ours: oursBundle, feathersCli: await bundle(cli) }
}

/** Runs a bundled entry in a fresh node process; returns the time it reports. */
export async function timeRegistration(bundle: string): Promise<{ registerMs: number }> {
  const result = await runProcess(process.execPath, [bundle], { cwd: join(bundle, '..'), timeoutMs: 300_000 })
  const match = /\{"registerMs":[\d.]+\}/.exec(result.stdout)
  if (result.code !== 0 || match === null) throw new Error(`registration failed: ${(result.stderr || result.stdout).trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${result.code}`}`)
  return JSON.parse(match[0]) as { registerMs: number }
}
