import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { relative, sep } from 'node:path'
import { generate, SchemaDirError } from './generate.js'
import { createProgress } from './cli/progress.js'
import { readVersion } from './cli/read-version.js'
import { reportResult } from './cli/report.js'
import { createStyle, wantsColor } from './cli/style.js'
import type { Style } from './cli/style.js'
import { usage, verbUsage } from './cli/usage.js'
import { runVerb, verbs } from './cli/verbs.js'

/** Where the CLI prints and what it reads from its environment; tests can pass their own. */
export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  cwd: string
  env: NodeJS.ProcessEnv
  /** Resolves when the user wants a `--watch` to end (Ctrl-C). */
  interrupted: () => Promise<void>
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  env: process.env,
  interrupted: () => new Promise((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  }),
}

const options = {
  out: { type: 'string', short: 'o' },
  check: { type: 'boolean' },
  watch: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

/** Runs the command for `argv` (without node and the script) and resolves to its exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const color = wantsColor(process.stdout, io.env)
  const style = createStyle(color)
  const usageError = (message: string, line = 'Usage: feathers-sio-gen <schemas-dir> [--out <dir>] [--check] [--watch]   (--help for more)') => {
    io.err(style.error(`feathers-sio-gen: ${message}`))
    io.err(line)
    return 2
  }
  const verb = verbs.find((name) => name === argv[0])
  if (verb !== undefined) return runVerb(verb, argv.slice(1), { ...io, style, usageError: (m) => usageError(m, verbUsage[verb]) })
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options })
  } catch (error) {
    return usageError((error as Error).message)
  }
  const { values, positionals } = parsed
  if (values.help) return io.out(usage), 0
  if (values.version) return io.out(readVersion()), 0
  if (positionals.length !== 1) {
    return usageError(positionals.length === 0
      ? 'missing <schemas-dir>'
      : `expected one <schemas-dir>, got ${positionals.length}: ${positionals.join(' ')}`)
  }
  if (values.watch && values.check) return usageError('--watch and --check cannot be combined')
  const check = values.check ?? false
  const progress = createProgress(io.err, Number(io.env.FEATHERS_SIO_GEN_PROGRESS_AFTER_MS ?? 700))
  const base = {
    schemaDir: positionals[0]!,
    ...(values.out === undefined ? {} : { outDir: values.out }),
    cwd: io.cwd,
    onProgress: progress.onProgress,
  }
  try {
    if (values.watch) return await runWatch(base, io, style)
    const result = await generate({ ...base, check }).finally(progress.stop)
    const report = reportResult(result, { check, cwd: io.cwd, style })
    report.out.forEach(io.out)
    report.err.forEach(io.err)
    return result.status === 'ok' ? 0 : 1
  } catch (error) {
    if (error instanceof SchemaDirError) return usageError(error.message)
    throw error
  }
}

/** `--watch`: reports every run; never exits on its own, only when interrupted. */
async function runWatch(base: Parameters<typeof generate>[0], io: CliIo, style: Style): Promise<number> {
  // The file watcher and tsx's hooks load only for --watch.
  const { watchSchemas } = await import('./watch.js')
  const watcher = await watchSchemas({
    ...base,
    onResult: (result, changed) => {
      if (changed.length > 0) {
        const names = changed.map((path) => relative(io.cwd, path).split(sep).join('/'))
        io.out(style.dim(`changed: ${names.join(', ')}`))
      }
      const report = reportResult(result, { check: false, cwd: io.cwd, style })
      report.out.forEach(io.out)
      report.err.forEach(io.err)
      if (result.status !== 'ok') io.err('keeping the last good output; waiting for a fix…')
    },
    onError: (error) => io.err(style.error(`feathers-sio-gen: ${error instanceof Error ? error.message : String(error)}`)),
  })
  io.out(`watching ${base.schemaDir} for changes (Ctrl-C to stop)`)
  await io.interrupted()
  await watcher.close()
  return 0
}

// Run when executed directly (`node --import tsx generator/cli.ts`); the published bin calls
// runCli itself. The only place that ends the process besides the bin.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await runCli(process.argv.slice(2)))
}
