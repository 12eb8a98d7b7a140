import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, extname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { emitAsyncApi, formatAsyncApi } from '../emit/emit-asyncapi.js'
import { loadModel } from '../load-model.js'
import { formatDiagnostic } from '../model/format-diagnostic.js'
import type { CommandIo } from './command-io.js'

/** `feathers-sio-gen asyncapi <schemas-dir> [--out <file>]`: exit 0 written, 1 invalid schemas, 2 usage. */
export async function runAsyncApiCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { out: { type: 'string', short: 'o' } } })
  } catch (error) {
    return io.usageError((error as Error).message)
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1) {
    return io.usageError(positionals.length === 0 ? 'asyncapi: missing <schemas-dir>' : `asyncapi: expected one <schemas-dir>, got ${positionals.length}`)
  }
  const format = values.out === undefined ? 'yaml' : formatOf(values.out)
  if (format === undefined) return io.usageError(`asyncapi: --out must end in .yaml, .yml or .json: ${values.out}`)
  const loaded = await loadModel(positionals[0]!, io.cwd)
  if (loaded.status === 'invalid') {
    loaded.diagnostics.map(formatDiagnostic).forEach(io.err)
    io.err(io.style.error(`feathers-sio-gen asyncapi: ${loaded.diagnostics.length} problem${loaded.diagnostics.length === 1 ? '' : 's'} found; nothing was written`))
    return 1
  }
  const text = formatAsyncApi(emitAsyncApi(loaded.model), format)
  if (values.out === undefined) {
    io.write(text)
    return 0
  }
  // Written beside and renamed, so a reader never sees half a document.
  const target = resolve(io.cwd, values.out)
  const temporary = `${target}.${process.pid}.tmp`
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFile(temporary, text)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    io.err(io.style.error(`feathers-sio-gen asyncapi: cannot write ${values.out} (${code})`))
    return 1
  }
  io.out(`feathers-sio-gen asyncapi: wrote ${values.out} (${loaded.model.services.length} services)`)
  return 0
}

function formatOf(file: string): 'yaml' | 'json' | undefined {
  const extension = extname(file).toLowerCase()
  return extension === '.json' ? 'json' : extension === '.yaml' || extension === '.yml' ? 'yaml' : undefined
}
