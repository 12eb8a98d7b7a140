import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { runProcess } from './run-process.js'
import { repoRoot } from './workspace.js'

let built: Promise<string | undefined> | undefined

/** The newest modification time of the TypeScript sources dist/ is built from. */
function newestSource(): number {
  let newest = 0
  for (const dir of ['generator', 'runtime']) {
    for (const file of readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.ts') && !file.startsWith('dist/')) newest = Math.max(newest, statSync(join(repoRoot, dir, file)).mtimeMs)
    }
  }
  return newest
}

/**
 * Makes sure dist/ (what the published bin runs and where the package's types come from) is
 * built from the current sources: builds it, once per run, only when a source is newer (so a
 * run inside `npm test`, which has just built, never rewrites files other tests are reading).
 * Resolves to why the build failed, or undefined.
 */
export function buildDist(): Promise<string | undefined> {
  const marker = join(repoRoot, 'dist', 'generator', 'cli.js')
  if (built === undefined && existsSync(marker) && statSync(marker).mtimeMs >= newestSource()) built = Promise.resolve(undefined)
  // The run-time package first (runtime/dist): the generator's build resolves its declarations.
  built ??= runProcess(process.execPath, [join(repoRoot, 'runtime', 'build.mjs')], { cwd: repoRoot, timeoutMs: 300_000 })
    .then((runtime) => runtime.code !== 0 ? runtime : runProcess(process.execPath,
      [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, timeoutMs: 300_000 }))
    .then((result) => result.code === 0 ? undefined : `npm run build failed: ${(result.stdout + result.stderr).trim().split('\n')[0]}`)
  return built
}
