import { emitFiles } from './emit/emit-files.js'
import { buildModel } from './model/build-model.js'
import type { Diagnostic, GenModel, GeneratedFile, LoadedModule } from './model/model.js'

/** What the pure part of generation produces: files, or the reasons there are none. */
export interface GeneratedOutput {
  model: GenModel | undefined
  files: GeneratedFile[]
  diagnostics: Diagnostic[]
}

/**
 * Loaded modules → model → files in memory. Pure: no disk, no process; any problem comes back as
 * diagnostics and then no file is produced, so nothing half-right can be written.
 */
export function generateFiles(modules: readonly LoadedModule[]): GeneratedOutput {
  const { model, diagnostics } = buildModel([...modules])
  if (diagnostics.length > 0) return { model: undefined, files: [], diagnostics }
  return emitModel(model)
}

/** A valid model → files in memory; an emitter that throws becomes a diagnostic, not a crash. */
export function emitModel(model: GenModel): GeneratedOutput {
  try {
    return { model, files: emitFiles(model), diagnostics: [] }
  } catch (error) {
    // An emitter that throws is our bug, not the user's; say so and write nothing.
    const message = error instanceof Error ? error.message : String(error)
    return {
      model: undefined,
      files: [],
      diagnostics: [{ file: '', subject: undefined, path: '', message: `internal error while emitting (please report): ${message}` }],
    }
  }
}
