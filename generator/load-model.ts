import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { SchemaDirError } from './generate.js'
import { findSchemaModules } from './load/find-schema-modules.js'
import { loadSchemaModules } from './load/load-schema-modules.js'
import { buildModel } from './model/build-model.js'
import type { Diagnostic, GenModel } from './model/model.js'

/** A schema folder read and checked: the model, or the problems that make it unusable. */
export type LoadedModel =
  | { status: 'ok'; model: GenModel; modules: number }
  | { status: 'invalid'; diagnostics: Diagnostic[]; modules: number }

/**
 * load → model for the verbs that do not write code (`asyncapi`, `diff`): the same steps and
 * diagnostics as `generate`. A missing folder is a usage error (`SchemaDirError`).
 * `label` names the folder in a whole-folder problem ("no defineService(...) export found").
 */
export async function loadModel(schemaDir: string, cwd: string, label = schemaDir): Promise<LoadedModel> {
  const dir = resolve(cwd, schemaDir)
  const kind = await stat(dir).catch(() => undefined)
  if (kind === undefined) throw new SchemaDirError(`schema directory not found: ${label}`)
  if (!kind.isDirectory()) throw new SchemaDirError(`not a directory: ${label}`)
  const found = await findSchemaModules(dir, cwd)
  const { model, diagnostics } = buildModel(await loadSchemaModules(found, cwd))
  if (diagnostics.length === 0) return { status: 'ok', model, modules: found.length }
  return {
    status: 'invalid',
    modules: found.length,
    diagnostics: diagnostics.map((d) => (d.file === '' ? { ...d, file: label } : d)),
  }
}
