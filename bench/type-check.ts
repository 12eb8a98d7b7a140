import { combine, measured, missing, ratioOf } from './harness/result.js'
import type { Cell, Ratio, Row, Section, Table } from './harness/result.js'
import { sampleRounds } from './harness/sample-rounds.js'
import type { Contender } from './harness/sample-rounds.js'
import { synthesizeServices } from './synth/synthesize-services.js'
import { buildDist } from './harness/build-dist.js'
import { prepareProjects } from './type-check/prepare-projects.js'
import { compilers, runTsc } from './type-check/run-tsc.js'

/** Sizes and runs of the type-check benchmark. */
export interface TypeCheckOptions {
  sizes: readonly number[]
  runs: number
  /** Each sample averages tsc runs until their check times add up to this (see `runTsc`). */
  minCheckSeconds: number
}

const projects = [
  { key: 'ours', label: '(a) generated client' },
  { key: 'feathersCli', label: '(b) Feathers CLI style' },
  { key: 'plain', label: '(c) plain interfaces' },
] as const

const columns = [
  { key: 'checkSeconds', label: 'check time', unit: 's', digits: 2 },
  { key: 'instantiations', label: 'instantiations', unit: '', digits: 0 },
  { key: 'memoryMB', label: 'memory', unit: 'MB', digits: 0 },
]

/**
 * Bench 1: `tsc --noEmit --extendedDiagnostics` on three consumer projects that call every
 * service's find and create, for each N and each TypeScript version, all interleaved.
 */
export async function benchTypeCheck(options: TypeCheckOptions): Promise<Section> {
  const contenders: Contender[] = []
  const absent = new Map<string, string>()
  // The generated client's declarations name the runtime package's: without its build the client
  // is untyped, which the consumer's @ts-expect-error line turns into a failure, not a cheap run.
  const buildProblem = await buildDist()
  for (const n of options.sizes) {
    const dirs = await prepareProjects(synthesizeServices(n), `n${n}`)
    for (const compiler of Object.keys(compilers) as (keyof typeof compilers)[]) {
      for (const project of projects) {
        const key = `${n}/${compiler}/${project.key}`
        const dir = dirs[project.key]
        if (buildProblem !== undefined) absent.set(key, buildProblem)
        else if (typeof dir !== 'string') absent.set(key, dir.missing)
        else contenders.push({ key, run: () => runTsc(compiler, dir, options.minCheckSeconds) })
      }
    }
  }
  const failures = new Map(absent)
  const samples = await sampleRounds(options.runs, contenders, failures)
  const cell = (key: string, metric: string): Cell => failures.has(key) ? missing(failures.get(key)!) : measured(samples[key]?.[metric] ?? [])

  const tables: Table[] = []
  const ratios: Ratio[] = []
  for (const compiler of Object.keys(compilers) as (keyof typeof compilers)[]) {
    const rows: Row[] = options.sizes.flatMap((n) => projects.map((p) => ({
      label: `N=${n} ${p.label}`,
      cells: Object.fromEntries(columns.map((c) => [c.key, cell(`${n}/${compiler}/${p.key}`, c.key)])),
    })))
    tables.push({ title: `${compilers[compiler].label}: tsc --noEmit --extendedDiagnostics`, columns, rows })
    for (const n of options.sizes) {
      const k = (p: string) => `${n}/${compiler}/${p}`
      const headline = compiler === 'ts6' && n === 200
      for (const [metric, name] of [['checkSeconds', 'check time'], ['instantiations', 'instantiations']] as const) {
        ratios.push(ratioOf(`${compilers[compiler].label}, N=${n}, ${name}: (a)/(c)`, cell(k('ours'), metric), cell(k('plain'), metric), { op: '<=', value: 1.2 }))
        ratios.push(ratioOf(`${compilers[compiler].label}, N=${n}, ${name}: (b)/(a)`, cell(k('feathersCli'), metric), cell(k('ours'), metric), headline ? { op: '>=', value: 7 } : undefined))
      }
    }
    // What each added service costs, with the fixed cost (library types every project pays once) taken out.
    const [small, large] = [Math.min(...options.sizes), Math.max(...options.sizes)]
    if (small !== large) {
      for (const [metric, name] of [['checkSeconds', 'check time'], ['instantiations', 'instantiations']] as const) {
        const growth = (p: string) => [cell(`${large}/${compiler}/${p}`, metric), cell(`${small}/${compiler}/${p}`, metric)]
        const perService = (top: string, bottom: string) => combine([...growth(top), ...growth(bottom)], ([tl, ts, bl, bs]) => (tl! - ts!) / (bl! - bs!))
        ratios.push({ label: `${compilers[compiler].label}, ${name} per added service (N=${small} to ${large}): (a)/(c)`, cell: perService('ours', 'plain'), status: 'info' })
        ratios.push({ label: `${compilers[compiler].label}, ${name} per added service (N=${small} to ${large}): (b)/(a)`, cell: perService('feathersCli', 'ours'), status: 'info' })
      }
    }
  }
  return {
    id: 'bench 1',
    title: '1. Type-check cost',
    tables,
    ratios,
    notes: [
      'Each project type-checks `main.ts`, which calls every service\'s `find` (with a query) and `create` (with a full record); tsc follows its imports. Same tsconfig for all: strict, moduleResolution bundler, skipLibCheck, types node.',
      'Schemas per service: a record of 8-10 properties (string formats, a literal union, a nullable union, an integer, a number, a boolean, a tag array, an optional nested object with an optional nested object), create data of 6-8, patch = Partial(data), query = the Feathers query syntax over 6 scalar properties.',
      '(a) runs feathers-sio-gen on the schemas and imports the generated client.ts (types from the built package, dist/). (b) is what `feathers generate app` + `feathers generate service` (TypeBox, custom service, with client) write: `Static<typeof Schema>` types, `@feathersjs/typebox` querySyntax, resolvers, `ServiceTypes` augmentation, `Params<Query>`; the app is typed with @feathersjs/feathers\' Application instead of @feathersjs/koa\'s. (c) is hand-written interfaces and a hand-written client interface: the floor.',
      ...(options.minCheckSeconds > 0 ? [`Each sample is the mean of back-to-back tsc runs of one project whose check times add up to at least ${options.minCheckSeconds} s (at most 5): a check of hundredths of a second is otherwise mostly timer and scheduling noise. Samples are still interleaved across projects, and ratios are medians of per-round ratios.`] : []),
      '"Per added service" ratios divide the growth from the smallest to the largest N, run by run, so the fixed cost every project pays once (the library types it imports) drops out.',
      'Targets: (a)/(c) <= 1.2 in check time and instantiations (every N and version); (b)/(a) >= 7 at N = 200 on TypeScript 6 (other (b)/(a) ratios are for information).',
    ],
  }
}
