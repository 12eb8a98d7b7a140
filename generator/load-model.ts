import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { findSchemaModules } from './load/find-schema-modules.js'
import { loadSchemaModules } from './load/load-schema-modules.js'
import type { SchemaLoader } from './load/schema-loader.js'
import type { Diagnostic, GenModel } from './model/model.js'

/** Raised for a schema directory that is missing or not a directory (a usage error, exit 2). */
export class SchemaDirError extends Error {
  override readonly name = 'SchemaDirError'
}

/** A schema folder read and checked: the model, or the problems that make it unusable. */
export type LoadedModel =
  | { status: 'ok'; model: GenModel; modules: number }
  | { status: 'invalid'; diagnostics: Diagnostic[]; modules: number }

/** How `loadModel` loads: a loader kept between `--watch` runs, and a progress line per step. */
export interface LoadModelOptions {
  loader?: SchemaLoader | undefined
  onProgress?: ((message: string) => void) | undefined
}

/**
 * load → model, shared by `generate` and the verbs that do not write code (`asyncapi`, `diff`).
 * A missing folder is a usage error (`SchemaDirError`). `label` names the folder in messages and
 * in a whole-folder problem ("no defineService(...) export found").
 */
export async function loadModel(schemaDir: string, cwd: string, label = schemaDir, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const dir = resolve(cwd, schemaDir)
  const kind = await stat(dir).catch(() => undefined)
  if (kind === undefined) throw new SchemaDirError(`schema directory not found: ${label}`)
  if (!kind.isDirectory()) throw new SchemaDirError(`not a directory: ${label}`)
  const found = await findSchemaModules(dir, cwd)
  options.onProgress?.(`loading ${found.length} schema module${found.length === 1 ? '' : 's'} from ${label}`)
  const loading = options.loader === undefined ? loadSchemaModules(found, cwd, dir) : options.loader.load(found)
  // The model's modules (TypeBox, the runtime: ~0.2 s) load while esbuild bundles the schema
  // modules in a process of its own, not before it starts.
  const modelStage = import('./model/build-model.js')
  modelStage.catch(() => {}) // awaited below, unless loading fails first
  const modules = await loading
  options.onProgress?.('checking schemas and emitting code')
  const { buildModel } = await modelStage
  const { model, diagnostics } = buildModel(modules)
  if (diagnostics.length === 0) return { status: 'ok', model, modules: found.length }
  return {
    status: 'invalid',
    modules: found.length,
    diagnostics: diagnostics.map((d) => (d.file === '' ? { ...d, file: label } : d)),
  }
}
