import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** Where benchmarks write their projects (gitignored). */
export const workRoot = join(repoRoot, 'bench', '.work')

/** A fresh, empty directory under bench/.work. */
export function freshDir(...parts: string[]): string {
  const dir = join(workRoot, ...parts)
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
