import { join } from 'node:path'
import { repoRoot } from '../harness/workspace.js'
import { runProcess } from '../harness/run-process.js'

/** The TypeScript versions compared, by the package that installs each one. */
export const compilers = {
  ts6: { label: 'TypeScript 6', bin: join(repoRoot, 'node_modules', 'typescript-6', 'bin', 'tsc') },
  ts7: { label: 'TypeScript 7', bin: join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc') },
} as const

/** What `--extendedDiagnostics` tells about one check. */
export interface TscMetrics {
  checkSeconds: number
  instantiations: number
  memoryMB: number
  [metric: string]: number
}

/** Runs `tsc -p <project> --noEmit --extendedDiagnostics`; throws on type errors (a broken project measures nothing). */
export async function runTsc(compiler: keyof typeof compilers, project: string): Promise<TscMetrics> {
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
