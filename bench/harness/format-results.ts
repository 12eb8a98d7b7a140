import type { MachineInfo } from './machine-info.js'
import { formatRatio, formatSection } from './format-table.js'
import type { Section } from './result.js'

/** What a whole run produced, for RESULTS.md and the JSON file. */
export interface RunReport {
  quick: boolean
  runs: number
  startedAt: string
  durationSeconds: number
  machine: MachineInfo
  /** Load average when the run ended, to show how busy the machine was. */
  loadAverageEnd: number[]
  /** Said by whoever ran it, e.g. that the machine was shared (BENCH_NOTE). */
  note: string | undefined
  sections: Section[]
}

/** RESULTS.md: how it was run, the verdict on every target, then every benchmark's tables. */
export function formatResults(report: RunReport): string {
  const { machine } = report
  const targets = report.sections.flatMap((s) => s.ratios.filter((r) => r.target !== undefined).map((r) => ({ s, r })))
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${report.quick ? ' -- --quick' : ''}\` (bench/run.ts) on ${report.startedAt}, in ${Math.round(report.durationSeconds)} s. ` +
      `Every number is the median of ${report.runs} run${report.runs === 1 ? '' : 's'} with the min–max in brackets; ` +
      'the contenders of each benchmark ran interleaved in the same run, so **quote the ratios**, not the absolute numbers.',
    '',
    '## Machine',
    '',
    `- ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB (${machine.freeMemoryGiB} GiB free at start), ${machine.os}`,
    `- Node ${machine.node}`,
    `- load average at start ${machine.loadAverage.join(' / ')}, at end ${report.loadAverageEnd.join(' / ')}`,
    ...(report.note === undefined ? [] : [`- ${report.note}`]),
    `- packages: ${Object.entries(machine.packages).map(([name, version]) => `${name} ${version}`).join(', ')}`,
    '',
    '## Targets',
    '',
    ...(targets.length === 0 ? ['(none)'] : targets.map(({ s, r }) => `${formatRatio(r).replace(/^- /, `- ${s.id}: `)}`)),
    '',
    ...report.sections.map(formatSection),
  ]
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`
}
