import { join } from 'node:path'
import { repoRoot } from '../harness/workspace.js'
import { runProcess } from '../harness/run-process.js'

/** The TypeScript versions compared, by the package that installs each one. */
export const compilers = {
  ts6: { label: 'TypeScript 6', bin: join(repoRoot, 'node_modules', 'typescript-6', 'bin', 'tsc') },
  ts7: { label: 'TypeScript 7', bin: join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc') },
} as const

/** What `--extendedDiagnostics` tells about one check (check time and memory: the mean of `runs`). */
export interface TscMetrics {
  checkSeconds: number
  instantiations: number
  memoryMB: number
  /** How many tsc runs the sample averages. */
  runs: number
  [metric: string]: number
}

// A check of hundredths of a second (TypeScript 7 at N=50) is mostly timer and scheduling noise;
// averaging a few back-to-back runs is cheap at that size. Bounded, since a large check is not.
const maxRuns = 5

/**
 * Runs `tsc -p <project> --noEmit --extendedDiagnostics` back to back until the check times add up
 * to `minCheckSeconds` (at most 5 runs; 0: once) and returns their mean; throws on type errors (a
 * broken project measures nothing) and when two runs disagree on instantiations (deterministic).
 */
export async function runTsc(compiler: keyof typeof compilers, project: string, minCheckSeconds = 0): Promise<TscMetrics> {
  const checks: number[] = []
  const memories: number[] = []
  let instantiations: number | undefined
  while (checks.length === 0 || (checks.length < maxRuns && checks.reduce((sum, s) => sum + s, 0) < minCheckSeconds)) {
    const one = await runTscOnce(compiler, project)
    if (instantiations !== undefined && one.instantiations !== instantiations) throw new Error(`tsc counted ${instantiations} then ${one.instantiations} instantiations`)
    instantiations = one.instantiations
    checks.push(one.checkSeconds)
    memories.push(one.memoryMB)
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length
  return { checkSeconds: mean(checks), instantiations: instantiations!, memoryMB: mean(memories), runs: checks.length }
}

async function runTscOnce(compiler: keyof typeof compilers, project: string): Promise<{ checkSeconds: number; instantiations: number; memoryMB: number }> {
  const { bin } = compilers[compiler]
  const result = await runProcess(process.execPath, [bin, '-p', project, '--noEmit', '--extendedDiagnostics'], { cwd: project, timeoutMs: 600_000 })
  if (result.code !== 0) {
    const firstError = result.stdout.split('\n').find((line) => line.includes('error TS')) ?? result.stderr.trim().split('\n')[0] ?? `exit ${result.code}`
    throw new Error(`tsc failed: ${firstError.trim()}`)
  }
  const read = (name: string) => {
    const match = new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(result.stdout)
    if (match === null) throw new Error(`tsc printed no "${name}"`)
    return Number(match[1])
  }
  return { checkSeconds: read('Check time'), instantiations: read('Instantiations'), memoryMB: read('Memory used') / 1024 }
}
