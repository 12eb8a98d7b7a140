import { resolve } from 'node:path'
import { fitRelativeImports } from './emit/relative-import-extensions.js'
import type { SchemaLoader } from './load/schema-loader.js'
import { loadModel } from './load-model.js'
import { startMemoRun } from './memo/schema-memo.js'
import type { Diagnostic } from './model/model.js'
import { applyOutput } from './write/apply-output.js'
import { outDirModuleFormat } from './write/out-dir-module-format.js'
import type { OutputMemory } from './write/output-memory.js'
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
  /** What this process last wrote to the out directory (`--watch`), so unchanged files are not read again. */
  outputMemory?: OutputMemory
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

export { SchemaDirError } from './load-model.js'

/**
 * Generates the files for a schema directory: load → model → emit → write. On any problem the
 * out directory is left exactly as it was. Callable from code as well as from the command.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now()
  // One run of the memos per generation: what it does not use of the last run's work is let go.
  startMemoRun()
  const cwd = options.cwd ?? process.cwd()
  const outDir = resolve(cwd, options.outDir ?? 'generated')
  const progress = options.onProgress ?? (() => {})
  // The emitters pull in TypeBox's compiler: loaded by a run only (not --help, --version), while
  // the schema modules load (esbuild bundles them in a process of its own).
  const emitters = import('./generate-files.js')
  emitters.catch(() => {}) // a run that stops before emitting does not wait for them
  const loaded = await loadModel(options.schemaDir, cwd, options.schemaDir, { loader: options.loader, onProgress: progress })
  const output = loaded.status === 'invalid'
    ? { model: undefined, files: [], diagnostics: loaded.diagnostics }
    : (await emitters).emitModel(loaded.model)
  const base = { modules: loaded.modules, outDir, services: output.model?.services.map((s) => s.path) ?? [] }
  const done = (result: Omit<GenerateResult, 'durationMs' | keyof typeof base>): GenerateResult =>
    ({ ...base, ...result, durationMs: Math.round(performance.now() - started) })
  if (output.diagnostics.length > 0) {
    // A problem of the folder as a whole (no services in it) is named by the folder.
    const diagnostics = output.diagnostics.map((d) => (d.file === '' ? { ...d, file: options.schemaDir } : d))
    return done({ status: 'invalid', diagnostics, files: [] })
  }

  // Relative imports follow the out directory's package type (CommonJS: extensionless, ts-node).
  const fitted = fitRelativeImports(output.files, await outDirModuleFormat(outDir))
  const plan = await planOutput(outDir, fitted, options.outputMemory)
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
  await applyOutput(plan, options.outputMemory)
  return done({ status: 'ok', diagnostics: [], files })
}
