import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from 'feathers-sio-gen/generator'
import { emitFeathersCliProject } from '../synth/emit-feathers-cli.js'
import { emitOurSchemas } from '../synth/emit-ours.js'
import { emitPlainProject } from '../synth/emit-plain.js'
import type { ServiceSpec } from '../synth/synthesize-services.js'
import { freshDir, writeFiles } from '../harness/workspace.js'
import { consumerTsconfig, feathersCliConsumer, oursConsumer, plainConsumer } from './consumers.js'

/** The three consumer projects for one N; `ours` is a reason instead when it could not be generated. */
export interface ConsumerProjects {
  ours: string | { missing: string }
  feathersCli: string
  plain: string
}

/** Writes (a) schemas + generated client + consumer, (b) a Feathers CLI app + consumer, (c) plain interfaces + consumer. */
export async function prepareProjects(specs: readonly ServiceSpec[], label: string): Promise<ConsumerProjects> {
  const ours = freshDir('type-check', label, 'ours')
  writeFiles(join(ours, 'schemas'), emitOurSchemas(specs))
  const result = await generate({ schemaDir: 'schemas', outDir: 'generated', cwd: ours })
  writeFiles(ours, { 'main.ts': oursConsumer(specs), 'tsconfig.json': consumerTsconfig })
  const generated = result.status === 'ok' && existsSync(join(ours, 'generated', 'client.ts'))
    ? ours
    : { missing: result.status !== 'ok' ? `generation failed: ${result.diagnostics[0]?.message ?? result.status}` : 'the generator wrote no client.ts' }

  const feathersCli = freshDir('type-check', label, 'feathers-cli')
  writeFiles(feathersCli, { ...emitFeathersCliProject(specs), 'main.ts': feathersCliConsumer(specs), 'tsconfig.json': consumerTsconfig })

  const plain = freshDir('type-check', label, 'plain')
  writeFiles(plain, { ...emitPlainProject(specs), 'main.ts': plainConsumer(specs), 'tsconfig.json': consumerTsconfig })
  return { ours: generated, feathersCli, plain }
}
