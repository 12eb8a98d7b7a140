// `npm run bench [-- --quick] [--only 1,3] [--results <file>] [--json <file>] [--note <text>]`:
// runs the benchmarks, prints each section as it finishes, and writes RESULTS.md (a full run:
// bench/RESULTS.md; --quick: bench/.work/RESULTS.quick.md) and the raw numbers as JSON.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadavg } from 'node:os'
import { formatResults } from './harness/format-results.js'
import type { RunReport } from './harness/format-results.js'
import { formatSection } from './harness/format-table.js'
import { readMachineInfo } from './harness/machine-info.js'
import { repoRoot, useRunRoot, workRoot } from './harness/workspace.js'
import { runBenchmarks, sizes } from './run-benchmarks.js'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { quick: { type: 'boolean' }, only: { type: 'string' }, results: { type: 'string' }, json: { type: 'string' }, note: { type: 'string' } },
})
const quick = values.quick ?? false
const only = values.only?.split(',').map(Number)
const resultsFile = values.results ?? (quick ? join(workRoot, 'RESULTS.quick.md') : join(repoRoot, 'bench', 'RESULTS.md'))
const jsonFile = values.json ?? join(workRoot, quick ? 'results.quick.json' : 'results.json')

// A full run keeps its projects in bench/.work/full for inspection; a quick one removes its own.
const runRoot = useRunRoot(quick ? `quick-${process.pid}` : 'full')
const machine = readMachineInfo(repoRoot)
const started = performance.now()
const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
console.log(`feathers-sio-gen benchmarks (${quick ? 'quick' : 'full'}) on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load ${machine.loadAverage.join(' ')}\n`)

const { sections, crashed } = await runBenchmarks({
  quick,
  ...(only === undefined ? {} : { only }),
  onSection: (section) => console.log(formatSection(section)),
})
const report: RunReport = {
  quick,
  runs: (quick ? sizes.quick : sizes.full).runs,
  startedAt,
  durationSeconds: (performance.now() - started) / 1000,
  machine,
  loadAverageEnd: loadavg().map((l) => Math.round(l * 100) / 100),
  note: values.note ?? process.env.BENCH_NOTE,
  sections,
}
const markdown = formatResults(report)
for (const [file, content] of [[resultsFile, markdown], [jsonFile, `${JSON.stringify(report, null, 2)}\n`]] as const) {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, content)
}
const targets = sections.flatMap((s) => s.ratios.filter((r) => r.target !== undefined))
console.log(`targets: ${targets.filter((r) => r.status === 'met').length} met, ${targets.filter((r) => r.status === 'missed').length} missed, ${targets.filter((r) => r.status === 'not measured').length} not measured`)
console.log(`wrote ${resultsFile} and ${jsonFile} in ${Math.round(report.durationSeconds)} s`)
if (quick) rmSync(runRoot, { recursive: true, force: true })
if (crashed.length > 0) {
  crashed.forEach((line) => console.error(`crashed: ${line}`))
  process.exit(1)
}
// Servers and sockets are all closed by now; exit anyway so a stray handle cannot hang the run.
process.exit(0)
