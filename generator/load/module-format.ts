import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** How Node runs a module file: as an ES module or as CommonJS. */
export type ModuleFormat = 'esm' | 'cjs'

/**
 * The format Node gives `file`: `.mts`/`.mjs` are ES modules, `.cts`/`.cjs` CommonJS, and `.ts`/`.js`
 * follow the nearest package.json's `"type"` (CommonJS without one, as in a Feathers CLI app).
 * `packageTypes` caches each folder's answer.
 */
export function moduleFormat(file: string, packageTypes = new Map<string, ModuleFormat>()): ModuleFormat {
  if (/\.m[jt]s$/.test(file)) return 'esm'
  if (/\.c[jt]s$/.test(file)) return 'cjs'
  return folderFormat(dirname(file), packageTypes)
}

function folderFormat(dir: string, cache: Map<string, ModuleFormat>): ModuleFormat {
  const known = cache.get(dir)
  if (known !== undefined) return known
  let format: ModuleFormat | undefined
  try {
    const type = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: unknown }).type
    format = type === 'module' ? 'esm' : 'cjs'
  } catch (error) {
    // No package.json here (or an unreadable one, which Node would reject too): look further up.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') format = 'cjs'
  }
  const parent = dirname(dir)
  format ??= parent === dir ? 'cjs' : folderFormat(parent, cache)
  cache.set(dir, format)
  return format
}
