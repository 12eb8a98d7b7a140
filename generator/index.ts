/** The programmatic API: `generate` does what the command does; `generateFiles` is its pure core. */
export { generate, SchemaDirError } from './generate.js'
export type { GenerateOptions, GenerateResult } from './generate.js'
export { generateFiles } from './generate-files.js'
export type { GeneratedOutput } from './generate-files.js'
export { formatDiagnostic } from './model/format-diagnostic.js'
export type { Diagnostic, GenModel, GeneratedFile, LoadedModule, ServiceModel } from './model/model.js'
