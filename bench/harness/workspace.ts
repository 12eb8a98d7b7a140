import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** bench/.work: gitignored; every run writes its projects into a folder of its own in it. */
export const workRoot = join(repoRoot, 'bench', '.work')

// Inside the repository (so projects resolve its node_modules and the package itself), but per
// run: a --quick run inside `npm test` must not wipe the projects a full run is serving from.
let runRoot = join(workRoot, 'default')

/** Sets the folder this run's projects go to (under bench/.work). */
export function useRunRoot(name: string): string {
  runRoot = join(workRoot, name)
  return runRoot
}

/** A fresh, empty directory under this run's folder. */
export function freshDir(...parts: string[]): string {
  const dir = join(runRoot, ...parts)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Writes `files` (relative path → content) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = join(dir, name)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
  }
}
