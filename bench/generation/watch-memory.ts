import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LimitError } from '../harness/limit-error.js'
import { repoRoot } from '../harness/workspace.js'
import { startWatch } from './watch-session.js'
import type { WatchSession } from './watch-session.js'

/** The memory of a `--watch` process at one moment (MB): RSS as it stands, then after a full GC of its threads. */
export interface WatchMemory {
  rssMB: number
  gcRssMB: number
  /** The main thread's heap, where the generator's memos live. */
  gcHeapUsedMB: number
  gcHeapTotalMB: number
  /** The module loader thread's heap (tsx, the version hooks). */
  loaderHeapUsedMB: number
}

/** How long one edit may take to be regenerated, and the whole session, before it is stopped. */
const editLimitMs = 60_000
const sessionLimitMs = 240_000

const probe = pathToFileURL(join(repoRoot, 'bench', 'generation', 'memory-probe.mjs')).href

/** The process's resident set as it stands (MB), from /proc: nothing is forced, nothing runs in it. */
function residentMB(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (line === null) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(line[1]) / 1024
}

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
 * property, then waits for the run that generated it): its RSS as it stands after every edit's
 * run, and the probe's readings after its first run, after each edit count in `readAt` and after
 * the last edit. The module is restored at the end.
 */
export async function sampleWatchMemory(project: string, module: string, edits: number, readAt: readonly number[] = []): Promise<{ readings: Array<WatchMemory & { edits: number }>; rssAfterEachMB: number[] }> {
  const file = join(project, 'schemas', module)
  const original = readFileSync(file, 'utf8')
  const report = join(project, '.watch-memory.json')
  const types = join(project, 'generated', 'types.ts')
  const session = await startWatch(project, 'generated', { nodeArgs: ['--expose-gc', '--import', probe], env: { BENCH_MEMORY_FILE: report } })
  const started = performance.now()
  try {
    const readings = [{ edits: 0, ...await readMemory(session, report) }]
    const rssAfterEachMB: number[] = []
    for (let edit = 0; edit < edits; edit++) {
      if (performance.now() - started > sessionLimitMs) throw new LimitError(`only ${edit} of ${edits} edits in ${sessionLimitMs / 1000} s`, sessionLimitMs)
      // A short pause after each run, so two edits are never gathered into one run.
      await new Promise((resolve) => setTimeout(resolve, 30))
      session.drain()
      const property = `memory${edit}`
      writeFileSync(file, original.replace('  id: Type.Integer(),', `  id: Type.Integer(),\n  ${property}: Type.Optional(Type.Integer()),`))
      // One write can be seen as two changes (two runs): wait for the run that generated this edit.
      const until = performance.now() + editLimitMs
      do await session.nextRun(until - performance.now())
      while (!readFileSync(types, 'utf8').includes(`${property}?:`))
      rssAfterEachMB.push(residentMB(session.pid))
      if (readAt.includes(edit + 1) && edit + 1 < edits) readings.push({ edits: edit + 1, ...await readMemory(session, report) })
    }
    readings.push({ edits, ...await readMemory(session, report) })
    return { readings, rssAfterEachMB }
  } finally {
    writeFileSync(file, original)
    await session.close()
  }
}
