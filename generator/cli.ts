import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { generate, SchemaDirError } from './generate.js'
import { readVersion } from './cli/read-version.js'
import { reportResult } from './cli/report.js'
import { usage } from './cli/usage.js'

/** Where the CLI prints; tests pass their own. */
export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  cwd: string
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
}

/** Runs the command for `argv` (without node and the script) and resolves to its exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        check: { type: 'boolean' },
        watch: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (error) {
    io.err(`feathers-sio-gen: ${(error as Error).message}`)
    io.err('Run feathers-sio-gen --help for usage.')
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) return io.out(usage), 0
  if (values.version) return io.out(readVersion()), 0
  if (positionals.length !== 1) {
    io.err(positionals.length === 0
      ? 'feathers-sio-gen: missing <schemas-dir>'
      : `feathers-sio-gen: expected one <schemas-dir>, got ${positionals.length}: ${positionals.join(' ')}`)
    io.err('Usage: feathers-sio-gen <schemas-dir> [--out <dir>] [--check] [--watch]   (--help for more)')
    return 2
  }
  if (values.watch) {
    io.err('feathers-sio-gen: --watch is not available yet')
    return 2
  }
  const check = values.check ?? false
  try {
    const result = await generate({
      schemaDir: positionals[0]!,
      ...(values.out === undefined ? {} : { outDir: values.out }),
      check,
      cwd: io.cwd,
    })
    const report = reportResult(result, { check, cwd: io.cwd })
    report.out.forEach(io.out)
    report.err.forEach(io.err)
    return result.status === 'ok' ? 0 : 1
  } catch (error) {
    if (error instanceof SchemaDirError) {
      io.err(`feathers-sio-gen: ${error.message}`)
      return 2
    }
    throw error
  }
}

// Run when executed directly (`node --import tsx generator/cli.ts`); the published bin calls
// runCli itself. The only place that ends the process besides the bin.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await runCli(process.argv.slice(2)))
}
