import { benchBundle } from './bundle.js'
import { benchFanOut } from './fan-out.js'
import { benchGeneration } from './generation.js'
import type { Section } from './harness/result.js'
import { benchRoundTrip } from './round-trip.js'
import { benchTypeCheck } from './type-check.js'
import { benchValidation } from './validation.js'

/** The sizes of a full run and of `--quick` (which a test runs, so the benchmarks never rot). */
export const sizes = {
  full: {
    runs: 5,
    typeCheck: { sizes: [50, 200, 500], minCheckSeconds: 1.5 },
    generation: { sizes: [50, 200, 500], memoryEdits: 200 },
    roundTrip: { warmupMs: 500, windowMs: 2000 },
    validation: { budgetMs: 300, services: 500 },
    bundle: { services: 10 },
    fanOut: { warmupMs: 500, windowMs: 2000, listenersPerNode: 4, inFlight: 8 },
  },
  quick: {
    runs: 2,
    typeCheck: { sizes: [25], minCheckSeconds: 0 },
    generation: { sizes: [10], memoryEdits: 30 },
    roundTrip: { warmupMs: 100, windowMs: 300 },
    validation: { budgetMs: 30, services: 10 },
    bundle: { services: 10 },
    fanOut: { warmupMs: 100, windowMs: 300, listenersPerNode: 2, inFlight: 4 },
  },
} as const

/** One benchmark by its number. */
export interface Benchmark {
  number: number
  title: string
  run: (quick: boolean) => Promise<Section>
}

/** Every benchmark, in the order of the issue. */
export const benchmarks: readonly Benchmark[] = [
  { number: 1, title: '1. Type-check cost', run: (q) => { const s = q ? sizes.quick : sizes.full; return benchTypeCheck({ ...s.typeCheck, runs: s.runs }) } },
  { number: 2, title: '2. Generation', run: (q) => { const s = q ? sizes.quick : sizes.full; return benchGeneration({ sizes: s.generation.sizes, runs: s.runs, memoryEdits: s.generation.memoryEdits }) } },
  { number: 3, title: '3. Round trips over Socket.io', run: (q) => { const s = q ? sizes.quick : sizes.full; return benchRoundTrip({ runs: s.runs, ...s.roundTrip }) } },
  { number: 4, title: '4. Validation', run: (q) => { const s = q ? sizes.quick : sizes.full; return benchValidation({ runs: s.runs, ...s.validation }) } },
  { number: 5, title: '5. Client bundle', run: (q) => benchBundle((q ? sizes.quick : sizes.full).bundle) },
  { number: 6, title: '6. Event fan-out across nodes (feathers-sync, Redis)', run: (q) => { const s = q ? sizes.quick : sizes.full; return benchFanOut({ runs: s.runs, ...s.fanOut }) } },
]

/** Runs the chosen benchmarks one after another; a benchmark that crashes becomes a section saying so. */
export async function runBenchmarks(options: { quick: boolean; only?: readonly number[]; onSection?: (section: Section) => void }): Promise<{ sections: Section[]; crashed: string[] }> {
  const sections: Section[] = []
  const crashed: string[] = []
  for (const benchmark of benchmarks) {
    if (options.only !== undefined && !options.only.includes(benchmark.number)) continue
    let section: Section
    try {
      section = await benchmark.run(options.quick)
    } catch (error) {
      const message = error instanceof Error ? error.stack ?? error.message : String(error)
      crashed.push(`bench ${benchmark.number}: ${message.split('\n')[0]}`)
      section = { id: `bench ${benchmark.number}`, title: benchmark.title, tables: [], ratios: [], notes: [`not measured: the benchmark crashed: ${message.split('\n')[0]}`] }
    }
    sections.push(section)
    options.onSection?.(section)
  }
  return { sections, crashed }
}
