import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildDist } from './harness/build-dist.js'
import { LimitError } from './harness/limit-error.js'
import { measured, missing, ratioOf } from './harness/result.js'
import type { Cell, Ratio, Section } from './harness/result.js'
import { sampleRounds } from './harness/sample-rounds.js'
import { runProcess } from './harness/run-process.js'
import { freshDir, repoRoot, writeFiles } from './harness/workspace.js'
import { runCliCold } from './generation/run-cli.js'
import { measureWatchMemory } from './generation/watch-memory-section.js'
import { startWatch } from './generation/watch-session.js'
import { emitOurSchemas } from './synth/emit-ours.js'
import { synthesizeServices } from './synth/synthesize-services.js'

/** Sizes and runs of the generation benchmark. */
export interface GenerationOptions {
  sizes: readonly number[]
  runs: number
  /** One-file edits per `--watch` memory session (default 200). */
  memoryEdits?: number
}

/** How long one edit may take to be regenerated before the sample is stopped (a lower bound). */
const editLimitMs = 60_000

/** A schema project of `n` synthesized services under bench/.work/generation. */
function writeSchemaProject(n: number): string {
  const dir = freshDir('generation', `n${n}`)
  writeFiles(join(dir, 'schemas'), emitOurSchemas(synthesizeServices(n)))
  return dir
}

/** The first module with its record given one more optional property, different for every `round`. */
function editOneModule(project: string, original: string, round: number): void {
  const file = join(project, 'schemas', original)
  const source = readFileSync(file, 'utf8').replace(/\n {2}rev\d+: Type\.Optional\(Type\.Integer\(\)\),/, '')
  writeFileSync(file, source.replace('  id: Type.Integer(),', `  id: Type.Integer(),\n  rev${round}: Type.Optional(Type.Integer()),`))
}

/** How many one-file edits the loader's memory is followed over. */
const rssEdits = 200

/** The schema loader `--watch` keeps, over `rssEdits` edits: RSS after the first load and after the last. */
async function sampleLoaderRss(project: string): Promise<{ firstMB: number; lastMB: number }> {
  const script = join(repoRoot, 'bench', 'generation', 'loader-rss.mjs')
  const module = `${synthesizeServices(1)[0]!.path}.ts`
  const result = await runProcess(process.execPath, ['--expose-gc', script, project, String(rssEdits), module], { cwd: project, timeoutMs: 180_000 })
  if (result.code !== 0) throw new Error(`loader-rss exited ${result.code}: ${result.stderr.trim().split('\n')[0] ?? ''}`)
  const report = JSON.parse(result.stdout) as { firstMB: number; lastMB: number; edits: number }
  if (report.edits < rssEdits) throw new Error(`only ${report.edits} of ${rssEdits} edits in 120 s`)
  return report
}

/** Regeneration samples of one `--watch` session: edit one module, time until the run is reported. */
async function sampleWatch(project: string, runs: number): Promise<{ wallMs: number[]; reportedMs: number[] }> {
  const session = await startWatch(project, 'generated')
  const first = `${synthesizeServices(1)[0]!.path}.ts`
  const wallMs: number[] = []
  const reportedMs: number[] = []
  try {
    for (let round = 0; round < runs; round++) {
      await new Promise((resolve) => setTimeout(resolve, 300)) // let the watcher settle between edits
      const run = session.nextRun(editLimitMs)
      const started = performance.now()
      editOneModule(project, first, round)
      const { reportedMs: reported } = await run
      wallMs.push(performance.now() - started)
      reportedMs.push(reported)
    }
  } finally {
    await session.close()
  }
  return { wallMs, reportedMs }
}

/** Bench 2: cold `feathers-sio-gen` for each N (interleaved), then one-file regeneration under `--watch`. */
export async function benchGeneration(options: GenerationOptions): Promise<Section> {
  const buildProblem = await buildDist()
  const projects = new Map(options.sizes.map((n) => [n, writeSchemaProject(n)]))
  const failures = new Map<string, string>()
  const bounds = new Map<string, number>()
  if (buildProblem !== undefined) options.sizes.forEach((n) => failures.set(`${n}`, buildProblem))
  const samples = await sampleRounds(options.runs, options.sizes.map((n) => ({
    key: `${n}`,
    run: () => runCliCold(projects.get(n)!, 'generated'),
  })), failures, bounds)
  const cold = (n: number, metric: string): Cell => failures.has(`${n}`)
    ? missing(failures.get(`${n}`)!, metric === 'wallMs' ? bounds.get(`${n}`) : undefined)
    : measured(samples[`${n}`]?.[metric] ?? [])

  const watch = new Map<number, { wallMs: Cell; reportedMs: Cell }>()
  for (const n of options.sizes) {
    try {
      if (buildProblem !== undefined) throw new Error(buildProblem)
      const result = await sampleWatch(projects.get(n)!, options.runs)
      watch.set(n, { wallMs: measured(result.wallMs), reportedMs: measured(result.reportedMs) })
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error)
      watch.set(n, { wallMs: missing(reason, error instanceof LimitError ? error.atLeast : undefined), reportedMs: missing(reason) })
    }
  }

  // The loader's memory over many edits, in the smallest project (each edit is a load, no emit).
  const smallest = Math.min(...options.sizes)
  const rss: { first: number[]; last: number[]; ratio: number[] } = { first: [], last: [], ratio: [] }
  let rssProblem = buildProblem
  for (let run = 0; run < options.runs && rssProblem === undefined; run++) {
    try {
      const { firstMB, lastMB } = await sampleLoaderRss(projects.get(smallest)!)
      rss.first.push(firstMB)
      rss.last.push(lastMB)
      rss.ratio.push(lastMB / firstMB)
    } catch (error) {
      rssProblem = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    }
  }
  const rssCell = (samples: number[]): Cell => (rssProblem === undefined ? measured(samples) : missing(rssProblem))
  // The whole --watch process's memory over many edits (emit included).
  const watchMemory = await measureWatchMemory({ projects, runs: options.runs, edits: options.memoryEdits ?? 200, problem: buildProblem })

  const largest = Math.max(...options.sizes)
  const limits: Ratio[] = [
    ratioOf(`cold generation, N=${largest}: wall time / 3000 ms`, cold(largest, 'wallMs'), constant(3000, options.runs), { op: '<=', value: 1 }),
    ratioOf(`cold generation, N=${largest}: peak RSS / 400 MB`, cold(largest, 'peakRssMB'), constant(400, options.runs), { op: '<=', value: 1 }),
    ...options.sizes.map((n) => ratioOf(`--watch one-file change, N=${n}: wall time / 300 ms`, watch.get(n)!.wallMs, constant(300, options.runs), { op: '<=', value: 1 })),
    { label: `--watch schema loader, N=${smallest}: RSS after ${rssEdits} one-file edits / after the first load`, cell: rssCell(rss.ratio), status: 'info' },
    ...watchMemory.ratios,
  ]
  return {
    id: 'bench 2',
    title: '2. Generation',
    tables: [{
      title: 'feathers-sio-gen (the published bin over dist/), cold and under --watch',
      columns: [
        { key: 'wallMs', label: 'cold: wall', unit: 'ms', digits: 0 },
        { key: 'peakRssMB', label: 'cold: peak RSS', unit: 'MB', digits: 0 },
        { key: 'watchWallMs', label: '--watch one-file change: edit to done', unit: 'ms', digits: 0 },
        { key: 'watchReportedMs', label: '--watch: run as reported', unit: 'ms', digits: 0 },
      ],
      rows: options.sizes.map((n) => ({
        label: `N=${n} services`,
        cells: { wallMs: cold(n, 'wallMs'), peakRssMB: cold(n, 'peakRssMB'), watchWallMs: watch.get(n)!.wallMs, watchReportedMs: watch.get(n)!.reportedMs },
      })),
    }, {
      title: `The schema loader --watch keeps, over ${rssEdits} one-file edits (N=${smallest}; each edit a load, no emit)`,
      columns: [
        { key: 'firstMB', label: 'RSS after the first load', unit: 'MB', digits: 0 },
        { key: 'lastMB', label: `RSS after ${rssEdits} edits`, unit: 'MB', digits: 0 },
      ],
      rows: [{ label: `N=${smallest} services`, cells: { firstMB: rssCell(rss.first), lastMB: rssCell(rss.last) } }],
    }, watchMemory.table],
    ratios: limits,
    notes: [
      'Cold: a new process (`node bin/feathers-sio-gen.js schemas --out generated`) into an empty out directory, wall time from spawn to exit; peak RSS is the process\'s own getrusage maxRSS, reported on exit by a preloaded probe.',
      '--watch: one long-running `--watch` process per N; each sample adds an optional property to one schema module and times from the write until the process prints `done in`; this includes the file watcher\'s latency and the 75 ms debounce. "as reported" is the run\'s own `done in` time.',
      `Loader memory: a process of its own (dist/) keeps one schema loader, as --watch does, and edits one module ${rssEdits} times, loading after each edit; RSS is read after a full GC after the first load and after the last.`,
      ...watchMemory.notes,
      'Absolute targets are shown as ratios to the limit (<= 1 meets it): 500 services <= 3 s and <= 400 MB; one-file change <= 300 ms.',
    ],
  }
}

/** A constant as a cell with `runs` equal samples, so a measurement can be divided by a limit. */
function constant(value: number, runs: number): Cell {
  return measured(Array.from({ length: runs }, () => value))
}
