import { join } from 'node:path'
import { generate } from 'feathers-sio-gen/generator'
import { freshDir, writeFiles } from '../harness/workspace.js'
import { emitFeathersCliProject } from '../synth/emit-feathers-cli.js'
import { emitOurSchema } from '../synth/emit-ours.js'
import { roundTripSpec } from './round-trip-spec.js'

/** Where the round-trip contenders' code lives; `ours` is a reason when it could not be generated. */
export interface RoundTripProjects {
  root: string
  ours: string | { missing: string }
  feathersCli: string
}

/** Writes the notes service as our schema module (and generates it) and as a Feathers CLI app. */
export async function prepareRoundTrip(): Promise<RoundTripProjects> {
  const root = freshDir('round-trip')
  const ours = join(root, 'ours')
  writeFiles(join(ours, 'schemas'), { 'notes.ts': emitOurSchema(roundTripSpec) })
  const result = await generate({ schemaDir: 'schemas', outDir: 'generated', cwd: ours })
  const feathersCli = join(root, 'feathers-cli')
  writeFiles(feathersCli, emitFeathersCliProject([roundTripSpec]))
  const missing = result.status === 'ok' ? undefined : `generation failed: ${result.diagnostics[0]?.message ?? result.status}`
  if (missing === undefined && !result.files.some((f) => f.name === 'server.ts')) return { root, ours: { missing: 'the generator wrote no server.ts' }, feathersCli }
  return { root, ours: missing === undefined ? ours : { missing }, feathersCli }
}
