import { applyDefaults } from './apply-defaults.js'
import { collectExports, compareText } from './collect-exports.js'
import type { Diagnostic, GenModel, LoadedModule, NamedSchema } from './model.js'

/**
 * The model stage: executed schema modules (sorted by path) → the generator model and every
 * problem found (SPEC §1). Pure: no file system, no process; the model is only meaningful when
 * `diagnostics` is empty.
 */
export function buildModel(modules: readonly LoadedModule[]): { model: GenModel; diagnostics: Diagnostic[] } {
  const collected = collectExports(modules)
  const diagnostics: Diagnostic[] = [...collected.diagnostics]
  const services = collected.services.map(applyDefaults).sort((a, b) => compareText(a.path, b.path))
  const first = collected.connections[0]
  const connection = first === undefined
    ? undefined
    : { file: first.file, exportName: first.exportName, schema: first.value.schema }
  const model: GenModel = { schemas: uniqueSchemas(collected.schemas), services, connection }
  return { model, diagnostics }
}

/** Named schemas sorted by name, one per name (the same object re-exported counts once). */
function uniqueSchemas(schemas: readonly NamedSchema[]): NamedSchema[] {
  const byName = new Map<string, NamedSchema>()
  for (const named of schemas) if (!byName.has(named.name)) byName.set(named.name, named)
  return [...byName.values()].sort((a, b) => compareText(a.name, b.name))
}
