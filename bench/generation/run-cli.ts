import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LimitError } from '../harness/limit-error.js'
import { runProcess } from '../harness/run-process.js'
import { repoRoot } from '../harness/workspace.js'

/** The published command: bin/feathers-sio-gen.js over dist/. */
export const cliBin = join(repoRoot, 'bin', 'feathers-sio-gen.js')
const probe = pathToFileURL(join(repoRoot, 'bench', 'generation', 'rss-probe.mjs')).href

/** One cold run's time limit. */
export const coldLimitMs = 120_000

/** One cold run of the command into an empty out directory: wall time (spawn to exit) and peak RSS. */
export async function runCliCold(project: string, outDir: string): Promise<{ wallMs: number; peakRssMB: number }> {
  rmSync(join(project, outDir), { recursive: true, force: true })
  const rssFile = join(project, '.peak-rss')
  const result = await runProcess(process.execPath, ['--import', probe, cliBin, 'schemas', '--out', outDir], {
    cwd: project, env: { ...process.env, NO_COLOR: '1', BENCH_RSS_FILE: rssFile }, timeoutMs: coldLimitMs,
  })
  if (result.code === null) throw new LimitError(`stopped after ${coldLimitMs / 1000} s`, coldLimitMs)
  if (result.code !== 0) throw new Error(`feathers-sio-gen exited ${result.code}: ${(result.stderr || result.stdout).trim().split('\n')[0]}`)
  return { wallMs: result.wallMs, peakRssMB: Number(readFileSync(rssFile, 'utf8')) / 1024 }
}
