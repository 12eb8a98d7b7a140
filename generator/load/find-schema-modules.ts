import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** A schema module on disk: where it is, and how messages name it. */
export interface SchemaModuleFile {
  /** Absolute path, for loading. */
  absolute: string
  /** Path relative to the working directory with `/` separators, for messages and sorting. */
  display: string
}

const moduleFile = /\.(ts|mts|js|mjs)$/
const skipped = /(\.d\.m?ts|\.test\.[a-z]+)$/

/**
 * Schema modules under `dir`, searched recursively and sorted by path (SPEC §1): `.ts .mts .js
 * .mjs`, without `.d.ts` and `*.test.*`, and never inside `node_modules` or dot-folders.
 */
export async function findSchemaModules(dir: string, cwd: string): Promise<SchemaModuleFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files: SchemaModuleFile[] = []
  for (const entry of entries) {
    if (!entry.isFile() || !moduleFile.test(entry.name) || skipped.test(entry.name)) continue
    // `parentPath` is Node 20.12+; `path` is its older name.
    const parent = (entry as { parentPath?: string }).parentPath ?? (entry as { path: string }).path
    const absolute = join(parent, entry.name)
    const inside = relative(dir, absolute).split(sep)
    if (inside.some((part) => part === 'node_modules' || part.startsWith('.'))) continue
    files.push({ absolute, display: relative(cwd, absolute).split(sep).join('/') })
  }
  return files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0))
}
