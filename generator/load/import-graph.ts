import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

// `import … from './x'`, `export … from './x'`, `import('./x')`, `require('./x')`: relative only,
// since packages do not change while a schema folder is watched.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm

const CANDIDATES = ['', '.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js']

/**
 * The files `source` (the text of `file`) imports by relative path, resolved as tsx does: a
 * `.js` specifier may name a `.ts` file, and an extension or `/index` may be left out. A
 * specifier that names no file is skipped: loading reports it.
 */
export function relativeImports(file: string, source: string): string[] {
  const found = new Set<string>()
  for (const match of source.matchAll(SPECIFIER)) {
    const target = resolveFile(resolve(dirname(file), match[2]!))
    if (target !== undefined) found.add(target)
  }
  return [...found]
}

/** The file a relative `specifier` in `file` names, resolved as `relativeImports` resolves it. */
export function resolveRelative(file: string, specifier: string): string | undefined {
  return resolveFile(resolve(dirname(file), specifier))
}

function resolveFile(base: string): string | undefined {
  const stems = /\.[cm]?js$/.test(base) ? [base.replace(/js$/, 'ts'), base] : [base]
  for (const stem of stems) {
    for (const suffix of CANDIDATES) {
      const path = stem + suffix
      if (existsSync(path) && statSync(path).isFile()) return path
    }
  }
  return undefined
}
