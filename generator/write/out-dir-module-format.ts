import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** How Node (and ts-node) will treat `.ts`/`.js` files in a folder: as ES modules or CommonJS. */
export type ModuleFormat = 'module' | 'commonjs'

/**
 * The module format of files in `outDir`, as Node decides it: the `type` of the nearest
 * package.json above (the folder need not exist yet); none, or no `"type": "module"`, is CommonJS.
 * A package.json that cannot be read as JSON counts as an ES module package, so the output keeps
 * SPEC §3's `.js` specifiers rather than guessing.
 */
export async function outDirModuleFormat(outDir: string): Promise<ModuleFormat> {
  for (let dir = outDir; ; dir = dirname(dir)) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined)
    if (text !== undefined) {
      try {
        return (JSON.parse(text) as { type?: unknown }).type === 'module' ? 'module' : 'commonjs'
      } catch {
        return 'module'
      }
    }
    if (dirname(dir) === dir) return 'commonjs'
  }
}
