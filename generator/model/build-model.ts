import type { ServiceDeclaration } from 'feathers-sio-gen-runtime'
import { createRunMemo } from '../memo/schema-memo.js'
import { applyDefaults } from './apply-defaults.js'
import { checkConnections } from './check-connections.js'
import { checkMethods } from './check-methods.js'
import { checkNamedSchemas } from './check-named-schemas.js'
import { checkNames } from './check-names.js'
import { checkOptions } from './check-options.js'
import { checkPathClashes } from './check-path-clashes.js'
import { checkPath } from './check-path.js'
import { checkRequirements } from './check-requirements.js'
import { checkSchemas } from './check-schemas.js'
import { collectExports, compareText } from './collect-exports.js'
import type { Found } from './collect-exports.js'
import { sortDiagnostics } from './format-diagnostic.js'
import type { Diagnostic, GenModel, LoadedModule, NamedSchema, ServiceModel } from './model.js'
import { checkServiceTypeNames, serviceTypeOwners } from './service-type-names.js'

/**
 * The model stage: executed schema modules (sorted by path) → the generator model and every
 * problem found (SPEC §1), sorted by file. Pure: no file system, no process. The model is only
 * meaningful when `diagnostics` is empty.
 */
export function buildModel(modules: readonly LoadedModule[]): { model: GenModel; diagnostics: Diagnostic[] } {
  const collected = collectExports(modules)
  const diagnostics: Diagnostic[] = [...collected.diagnostics]
  const declared = collected.services.map(readService)
  const services = declared.map((entry) => entry.service)
  for (const entry of declared) diagnostics.push(...entry.diagnostics)
  diagnostics.push(
    ...checkPathClashes(services),
    ...checkServiceTypeNames(services),
    ...checkConnections(collected.connections),
    ...checkNamedSchemas(collected.schemas, serviceTypeOwners(services)),
    ...checkSchemas(collected.schemas, collected.services, collected.connections, subjectOf),
  )
  // A module that failed to load may hold the services; saying there are none would mislead.
  if (services.length === 0 && collected.diagnostics.length === 0) {
    diagnostics.push({ file: '', subject: undefined, path: '', message: 'no defineService(...) export found' })
  }
  const first = collected.connections[0]
  const connection = first === undefined
    ? undefined
    : { file: first.file, exportName: first.exportName, schema: first.value.schema }
  const model: GenModel = {
    schemas: uniqueSchemas(collected.schemas),
    services: [...services].sort((a, b) => compareText(a.path, b.path)),
    connection,
  }
  return { model, diagnostics: unique(sortDiagnostics(diagnostics)) }
}

// Declaration object → its model and own problems. A declaration is immutable once its module ran,
// and `--watch` keeps every module it did not evaluate again: the same object gets the same model
// object, so the emitters can remember their work per service too. A run memo, not a WeakMap: the
// loader keeps the declarations of modules evaluated anew alive, so a WeakMap would keep every
// edit's model.
const readServices = createRunMemo<{ file: string; exportName: string; service: ServiceModel; diagnostics: Diagnostic[] }, object>()

/** One service declaration with every default applied, and the problems of the declaration itself. */
function readService(found: Found<ServiceDeclaration>): { service: ServiceModel; diagnostics: Diagnostic[] } {
  const known = readServices.get(found.value)
  if (known !== undefined && known.file === found.file && known.exportName === found.exportName) return known
  const definition = found.value as unknown as Record<string, unknown>
  const where = { file: found.file, subject: subjectOf(found) }
  const service = applyDefaults(found)
  const diagnostics = [
    ...checkPath(definition['path'], where),
    ...checkOptions(definition, where),
    ...checkMethods(definition['methods'], where),
    ...checkRequirements(definition, where),
    ...checkNames(service.custom.map((method) => method.name), service.events.map((event) => event.name), where),
  ]
  const entry = { file: found.file, exportName: found.exportName, service, diagnostics }
  readServices.set(found.value, entry)
  return entry
}

/** A service's diagnostics name its path, or its export name while the path is unusable. */
function subjectOf(found: Found<ServiceDeclaration>): string {
  const path: unknown = (found.value as { path?: unknown }).path
  return typeof path === 'string' && path.trim() !== '' ? path : found.exportName
}

/** Sorted diagnostics without repeats (two bad variants of one union share a path and message). */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const line = (d: Diagnostic) => JSON.stringify([d.file, d.subject, d.path, d.message])
  return diagnostics.filter((d, index) => index === 0 || line(d) !== line(diagnostics[index - 1]!))
}

/** Named schemas sorted by name, one per name (the same object re-exported counts once). */
function uniqueSchemas(schemas: readonly NamedSchema[]): NamedSchema[] {
  const byName = new Map<string, NamedSchema>()
  for (const named of schemas) if (!byName.has(named.name)) byName.set(named.name, named)
  return [...byName.values()].sort((a, b) => compareText(a.name, b.name))
}
