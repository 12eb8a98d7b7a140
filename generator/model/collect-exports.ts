import { isConnectionDeclaration, isServiceDeclaration } from 'feathers-sio-gen-runtime'
import type { ConnectionDeclaration, ServiceDeclaration } from 'feathers-sio-gen-runtime'
import type { Diagnostic, LoadedModule, NamedSchema } from './model.js'
import { isSchema } from './typebox-kind.js'

/** An export found in a module, with where it came from. */
export interface Found<T> {
  file: string
  exportName: string
  value: T
}

/** The exports of every module, sorted into what they declare. */
export interface CollectedExports {
  services: Found<ServiceDeclaration>[]
  connections: Found<ConnectionDeclaration>[]
  /** Every named schema export, in module order; duplicates are kept for the rules to judge. */
  schemas: NamedSchema[]
  /** One per module that could not run. */
  diagnostics: Diagnostic[]
}

/** Sorts each module's exports into services, connections and named schemas; other exports are ignored. */
export function collectExports(modules: readonly LoadedModule[]): CollectedExports {
  const collected: CollectedExports = { services: [], connections: [], schemas: [], diagnostics: [] }
  for (const loaded of modules) {
    if ('error' in loaded) {
      collected.diagnostics.push({ file: loaded.file, subject: undefined, path: '', message: loaded.error })
      continue
    }
    // Export names sorted so that the model does not depend on the order a module declares them.
    for (const exportName of Object.keys(loaded.exports).sort(compareText)) {
      const value = loaded.exports[exportName]
      const file = loaded.file
      // A declaration re-exported (an index module, `export { a as b }`) is still one declaration.
      if (isServiceDeclaration(value)) {
        if (!collected.services.some((found) => found.value === value)) collected.services.push({ file, exportName, value })
      } else if (isConnectionDeclaration(value)) {
        if (!collected.connections.some((found) => found.value === value)) collected.connections.push({ file, exportName, value })
      }
      else if (isSchema(value)) collected.schemas.push({ name: exportName, file, schema: value })
    }
  }
  return collected
}

/** Code-unit order, independent of the locale, so output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
