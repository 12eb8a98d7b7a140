import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LimitError } from '../harness/limit-error.js'
import { repoRoot } from '../harness/workspace.js'
import { startWatch } from './watch-session.js'
import type { WatchSession } from './watch-session.js'

/** The memory of a `--watch` process at one moment (MB): as it stands, and after a full GC. */
export interface WatchMemory {
  rssMB: number
  gcRssMB: number
  gcHeapUsedMB: number
}

/** How long one edit may take to be regenerated, and the whole session, before it is stopped. */
const editLimitMs = 60_000
const sessionLimitMs = 240_000

const probe = pathToFileURL(join(repoRoot, 'bench', 'generation', 'memory-probe.mjs')).href

/** Asks the preloaded probe for the process's memory and waits (bounded) for its report. */
async function readMemory(session: WatchSession, file: string): Promise<WatchMemory> {
  rmSync(file, { force: true })
  process.kill(session.pid, 'SIGUSR2')
  const until = performance.now() + 10_000
  while (!existsSync(file)) {
    if (performance.now() > until) throw new Error('the memory probe did not answer in 10 s')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return JSON.parse(readFileSync(file, 'utf8')) as WatchMemory
}

/**
 * One `--watch` session over `edits` one-file edits of `module` (each adds a different optional
 * property, then waits for the run to finish): the process's memory after its first run and after
 * the last edit's run. The module is restored at the end.
 */
export async function sampleWatchMemory(project: string, module: string, edits: number): Promise<{ first: WatchMemory; last: WatchMemory }> {
  const file = join(project, 'schemas', module)
  const original = readFileSync(file, 'utf8')
  const report = join(project, '.watch-memory.json')
  const session = await startWatch(project, 'generated', { nodeArgs: ['--expose-gc', '--import', probe], env: { BENCH_MEMORY_FILE: report } })
  const started = performance.now()
  try {
    const first = await readMemory(session, report)
    for (let edit = 0; edit < edits; edit++) {
      if (performance.now() - started > sessionLimitMs) throw new LimitError(`only ${edit} of ${edits} edits in ${sessionLimitMs / 1000} s`, sessionLimitMs)
      // A short pause after each run, so two edits are never gathered into one run.
      await new Promise((resolve) => setTimeout(resolve, 30))
      const run = session.nextRun(editLimitMs)
      writeFileSync(file, original.replace('  id: Type.Integer(),', `  id: Type.Integer(),\n  memory${edit}: Type.Optional(Type.Integer()),`))
      await run
    }
    return { first, last: await readMemory(session, report) }
  } finally {
    writeFileSync(file, original)
    await session.close()
  }
}
