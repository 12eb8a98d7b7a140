import { measured, missing, ratioOf } from '../harness/result.js'
import type { Cell, Ratio, Table } from '../harness/result.js'
import { summarize } from '../harness/stats.js'
import { synthesizeServices } from '../synth/synthesize-services.js'
import { sampleWatchMemory } from './watch-memory.js'

/** At most this many `--watch` sessions are followed (each is `edits` regenerations at N=200). */
const maxSessions = 3

/** The `--watch` process's memory over many one-file edits: a table, its ratios and notes for bench 2. */
export async function measureWatchMemory(options: {
  projects: ReadonlyMap<number, string>
  runs: number
  edits: number
  /** Why nothing can be measured (the build failed), if so. */
  problem: string | undefined
}): Promise<{ table: Table; ratios: Ratio[]; notes: string[] }> {
  const sizes = [...options.projects.keys()]
  const n = sizes.includes(200) ? 200 : Math.max(...sizes.filter((size) => size <= 200), Math.min(...sizes))
  const { edits } = options
  // RSS as it stands swings with where the GC cycle is: it is compared as the median over a
  // window of edits, the first `window` against the last `window`.
  const window = Math.max(1, Math.min(25, Math.floor(edits / 4)))
  const module = `${synthesizeServices(1)[0]!.path}.ts`
  const samples = { firstRss: [] as number[], earlyRss: [] as number[], lateRss: [] as number[], firstHeap: [] as number[], lastHeap: [] as number[] }
  const sessions = Math.min(options.runs, maxSessions)
  let problem = options.problem
  for (let run = 0; run < sessions && problem === undefined; run++) {
    try {
      const { readings, rssAfterEachMB } = await sampleWatchMemory(options.projects.get(n)!, module, edits)
      samples.firstRss.push(readings[0]!.rssMB)
      samples.earlyRss.push(summarize(rssAfterEachMB.slice(0, window)).median)
      samples.lateRss.push(summarize(rssAfterEachMB.slice(-window)).median)
      samples.firstHeap.push(readings[0]!.gcHeapUsedMB)
      samples.lastHeap.push(readings.at(-1)!.gcHeapUsedMB)
    } catch (error) {
      problem = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    }
  }
  const cell = (values: number[]): Cell => (problem === undefined ? measured(values) : missing(problem))
  const where = `--watch process, N=${n}`
  const late = `edits ${edits - window + 1}–${edits}`
  return {
    table: {
      title: `The --watch process over ${edits} one-file edits (N=${n})`,
      columns: [
        { key: 'firstRss', label: 'RSS after the first run', unit: 'MB', digits: 0 },
        { key: 'earlyRss', label: `RSS after edits 1–${window} (median)`, unit: 'MB', digits: 0 },
        { key: 'lateRss', label: `RSS after ${late} (median)`, unit: 'MB', digits: 0 },
        { key: 'firstHeap', label: 'heap used after the first run (after GC)', unit: 'MB', digits: 1 },
        { key: 'lastHeap', label: `heap used after ${edits} edits (after GC)`, unit: 'MB', digits: 1 },
      ],
      rows: [{ label: `N=${n} services`, cells: Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, cell(values)])) }],
    },
    ratios: [
      ratioOf(`${where}: RSS after ${late} / after edits 1–${window}`, cell(samples.lateRss), cell(samples.earlyRss), { op: '<=', value: 1.2 }),
      ratioOf(`${where}: heap used after ${edits} one-file edits / after the first run (after GC)`, cell(samples.lastHeap), cell(samples.firstHeap), { op: '<=', value: 1.2 }),
      ratioOf(`${where}: RSS after ${late} / after the first run`, cell(samples.lateRss), cell(samples.firstRss)),
    ],
    notes: [
      `--watch memory: ${sessions} sessions of the published bin at N=${n}, each editing one module ${edits} times (a different optional property each time) and waiting for the run that generated the edit. RSS is read from /proc after every edit's run, forcing nothing; heap used is read by a preloaded probe (bench/generation/memory-probe.mjs, on SIGUSR2) after a full GC of the main and module-loader threads. Bounded: ${edits} edits, 60 s per edit, 240 s per session.`,
      `--watch memory targets: RSS over the last ${window} edits <= 1.2x RSS over the first ${window} (medians: RSS as it stands swings with the GC cycle; the first incremental runs raise it once from the cold run's level, leak or not), and heap used after ${edits} edits <= 1.2x after the first run (where the generator's memos live). RSS against the first run is shown for reference.`,
    ],
  }
}
