import { join } from 'node:path'
import { runProcess } from './run-process.js'
import { repoRoot } from './workspace.js'

let built: Promise<string | undefined> | undefined

/**
 * Builds dist/ (what the published bin and the package's types are) once per run, so the
 * benchmarks measure the current sources. Resolves to why it failed, or undefined.
 */
export function buildDist(): Promise<string | undefined> {
  built ??= runProcess(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, timeoutMs: 300_000 })
    .then((result) => result.code === 0 ? undefined : `npm run build failed: ${(result.stdout + result.stderr).trim().split('\n')[0]}`)
  return built
}
