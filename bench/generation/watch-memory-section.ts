import { measured, missing, ratioOf } from '../harness/result.js'
import type { Cell, Ratio, Table } from '../harness/result.js'
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
  // The first incremental runs raise RSS once (code compiled for them, the allocator's high-water
  // mark), with or without a leak: flatness is judged from this many edits on.
  const warm = Math.min(25, Math.floor(edits / 4))
  const module = `${synthesizeServices(1)[0]!.path}.ts`
  const samples = { firstRss: [] as number[], warmRss: [] as number[], lastRss: [] as number[], firstHeap: [] as number[], lastHeap: [] as number[] }
  let problem = options.problem
  for (let run = 0; run < Math.min(options.runs, maxSessions) && problem === undefined; run++) {
    try {
      const readings = await sampleWatchMemory(options.projects.get(n)!, module, edits, [warm])
      const at = (count: number) => readings.find((reading) => reading.edits === count)!
      samples.firstRss.push(at(0).gcRssMB)
      samples.warmRss.push(at(warm).gcRssMB)
      samples.lastRss.push(at(edits).gcRssMB)
      samples.firstHeap.push(at(0).gcHeapUsedMB)
      samples.lastHeap.push(at(edits).gcHeapUsedMB)
    } catch (error) {
      problem = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    }
  }
  const cell = (values: number[]): Cell => (problem === undefined ? measured(values) : missing(problem))
  const where = `--watch process, N=${n}`
  return {
    table: {
      title: `The --watch process over ${edits} one-file edits (N=${n}; memory after a full GC of its threads)`,
      columns: [
        { key: 'firstRss', label: 'RSS after the first run', unit: 'MB', digits: 0 },
        { key: 'warmRss', label: `RSS after ${warm} edits`, unit: 'MB', digits: 0 },
        { key: 'lastRss', label: `RSS after ${edits} edits`, unit: 'MB', digits: 0 },
        { key: 'firstHeap', label: 'heap used after the first run', unit: 'MB', digits: 1 },
        { key: 'lastHeap', label: `heap used after ${edits} edits`, unit: 'MB', digits: 1 },
      ],
      rows: [{ label: `N=${n} services`, cells: Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, cell(values)])) }],
    },
    ratios: [
      ratioOf(`${where}: RSS after ${edits} one-file edits / after ${warm}`, cell(samples.lastRss), cell(samples.warmRss), { op: '<=', value: 1.2 }),
      ratioOf(`${where}: heap used after ${edits} one-file edits / after the first run`, cell(samples.lastHeap), cell(samples.firstHeap), { op: '<=', value: 1.2 }),
      ratioOf(`${where}: RSS after ${edits} one-file edits / after the first run`, cell(samples.lastRss), cell(samples.firstRss)),
    ],
    notes: [
      `--watch memory: ${Math.min(options.runs, maxSessions)} sessions of the published bin at N=${n}, each editing one module ${edits} times (a different optional property each time) and waiting for the run that generated the edit; a preloaded probe (bench/generation/memory-probe.mjs, on SIGUSR2) collects garbage on the main and module-loader threads and reads RSS and the main thread's heap used. Bounded: ${edits} edits, 60 s per edit, 240 s per session.`,
      `--watch memory targets: RSS after ${edits} edits <= 1.2x RSS after ${warm} edits (the first incremental runs raise RSS once by compiled code and allocator high water, leak or not; a memo keeping every edit's work grows it steadily after that), and heap used after ${edits} edits <= 1.2x after the first run (where memos live). RSS against the first run is shown for reference.`,
    ],
  }
}
