import { resolve, sep } from 'node:path'
import { watch } from 'chokidar'
import type { GenerateOptions, GenerateResult } from './generate.js'
import { generate } from './generate.js'
import { createSchemaLoader } from './load/schema-loader.js'
import { createOutputMemory } from './write/output-memory.js'

/** What `watchSchemas` is asked to do, on top of a normal run. */
export interface WatchOptions extends Omit<GenerateOptions, 'check' | 'loader' | 'outputMemory'> {
  /** Quiet time after the last change before regenerating; default 75 ms (editors save in bursts). */
  debounceMs?: number
  /** Called after every run, the first one included. */
  onResult: (result: GenerateResult, changed: readonly string[]) => void
  /** Called when a run fails unexpectedly (not for schema problems, which come as results). */
  onError: (error: unknown) => void
}

/** A running watch; `close` stops it. */
export interface SchemaWatcher {
  close: () => Promise<void>
}

/**
 * Generates, then regenerates on every change under the schema directory. A run with problems
 * writes nothing (so the last good output stays); runs never overlap: changes during a run are
 * gathered and trigger one more run after it.
 */
export async function watchSchemas(options: WatchOptions): Promise<SchemaWatcher> {
  const cwd = options.cwd ?? process.cwd()
  const schemaDir = resolve(cwd, options.schemaDir)
  const outDir = resolve(cwd, options.outDir ?? 'generated')
  const { debounceMs = 75, onResult, onError, ...generateOptions } = options
  let pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  // One loader for the whole session: a run re-evaluates only the changed modules and their importers.
  const loader = createSchemaLoader(cwd)
  const outputMemory = createOutputMemory()

  const run = async (changed: readonly string[]) => {
    try {
      onResult(await generate({ ...generateOptions, cwd, loader, outputMemory }), changed)
    } catch (error) {
      onError(error)
    }
  }
  const flush = () => {
    timer = undefined
    if (running !== undefined) return // the run in progress re-flushes when it ends
    const changed = [...pending].sort()
    pending = new Set()
    running = run(changed).finally(() => {
      running = undefined
      if (pending.size > 0 && timer === undefined) flush()
    })
  }

  await run([])
  const watcher = watch(schemaDir, {
    ignoreInitial: true,
    // Our own output may live inside the schema folder; writing it must not trigger a run.
    ignored: (path) => path === outDir || path.startsWith(outDir + sep) || /[\\/](node_modules|\.[^\\/]+)([\\/]|$)/.test(path.slice(schemaDir.length)),
  })
  watcher.on('all', (_event, path) => {
    pending.add(path)
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(flush, debounceMs)
  })
  watcher.on('error', onError)
  await new Promise<void>((ready) => watcher.once('ready', ready))
  return {
    close: async () => {
      if (timer !== undefined) clearTimeout(timer)
      await watcher.close()
      await running
      await loader.close()
    },
  }
}
