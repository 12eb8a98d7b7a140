import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fitRelativeImports } from './emit/relative-import-extensions.js'
import { findSchemaModules } from './load/find-schema-modules.js'
import { loadSchemaModules } from './load/load-schema-modules.js'
import type { SchemaLoader } from './load/schema-loader.js'
import { buildModel } from './model/build-model.js'
import type { Diagnostic } from './model/model.js'
import { applyOutput } from './write/apply-output.js'
import { outDirModuleFormat } from './write/out-dir-module-format.js'
import type { FileAction } from './write/plan-output.js'
import { planOutput } from './write/plan-output.js'

/** What `generate` is asked to do. */
export interface GenerateOptions {
  /** The schema directory (relative to `cwd`). */
  schemaDir: string
  /** The out directory (relative to `cwd`); default `generated`. */
  outDir?: string
  /** Write nothing; report which files are missing or differ. */
  check?: boolean
  /** Base for relative paths and for the file names in messages; default `process.cwd()`. */
  cwd?: string
  /** Called with a short line before each long step (loading, emitting, writing). */
  onProgress?: (message: string) => void
  /** A loader kept between runs (`--watch`), so a run re-evaluates only the modules that changed. */
  loader?: SchemaLoader
}

/** The outcome of one run; `status` decides the exit code. */
export interface GenerateResult {
  /** ok: written or current; invalid: schema problems (nothing written); stale: `check` found differences. */
  status: 'ok' | 'invalid' | 'stale'
  diagnostics: Diagnostic[]
  /** Service paths found, sorted. */
  services: string[]
  /** Number of schema modules read. */
  modules: number
  /** Each output file and what happened (or, with `check`, would happen) to it. */
  files: { name: string; action: FileAction['action'] }[]
  outDir: string
  durationMs: number
}

/** Raised for a schema directory that is missing or not a directory (a usage error, exit 2). */
export class SchemaDirError extends Error {
  override readonly name = 'SchemaDirError'
}

/**
 * Generates the files for a schema directory: load → model → emit → write. On any problem the
 * out directory is left exactly as it was. Callable from code as well as from the command.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now()
  const cwd = options.cwd ?? process.cwd()
  const schemaDir = resolve(cwd, options.schemaDir)
  const outDir = resolve(cwd, options.outDir ?? 'generated')
  const progress = options.onProgress ?? (() => {})
  const kind = await stat(schemaDir).catch(() => undefined)
  if (kind === undefined) throw new SchemaDirError(`schema directory not found: ${options.schemaDir}`)
  if (!kind.isDirectory()) throw new SchemaDirError(`not a directory: ${options.schemaDir}`)

  const found = await findSchemaModules(schemaDir, cwd)
  progress(`loading ${found.length} schema module${found.length === 1 ? '' : 's'} from ${options.schemaDir}`)
  const modules = options.loader === undefined ? await loadSchemaModules(found, cwd) : await options.loader.load(found)
  progress('checking schemas and emitting code')
  const checked = buildModel(modules)
  // The emitters pull in ts-morph (TypeScript itself): load them only when there is a valid model
  // to emit, so --help, --version and runs that stop at schema problems answer quickly.
  const output = checked.diagnostics.length > 0
    ? { model: undefined, files: [], diagnostics: checked.diagnostics }
    : (await import('./generate-files.js')).emitModel(checked.model)
  const base = { modules: found.length, outDir, services: output.model?.services.map((s) => s.path) ?? [] }
  const done = (result: Omit<GenerateResult, 'durationMs' | keyof typeof base>): GenerateResult =>
    ({ ...base, ...result, durationMs: Math.round(performance.now() - started) })
  if (output.diagnostics.length > 0) {
    // A problem of the folder as a whole (no services in it) is named by the folder.
    const diagnostics = output.diagnostics.map((d) => (d.file === '' ? { ...d, file: options.schemaDir } : d))
    return done({ status: 'invalid', diagnostics, files: [] })
  }

  // Relative imports follow the out directory's package type (CommonJS: extensionless, ts-node).
  const fitted = fitRelativeImports(output.files, await outDirModuleFormat(outDir))
  const plan = await planOutput(outDir, fitted)
  const files = plan.actions.map(({ name, action }) => ({ name, action }))
  if (plan.conflicts.length > 0) {
    const diagnostics = plan.conflicts.map((c) => ({ file: '', subject: undefined, path: '', message: c.message }))
    return done({ status: 'invalid', diagnostics, files })
  }
  if (options.check) {
    const stale = files.some((f) => f.action !== 'unchanged')
    return done({ status: stale ? 'stale' : 'ok', diagnostics: [], files })
  }
  progress(`writing to ${options.outDir ?? 'generated'}`)
  await applyOutput(plan)
  return done({ status: 'ok', diagnostics: [], files })
}
