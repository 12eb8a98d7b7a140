import type { GeneratedFile } from '../model/model.js'
import { fileOfParts } from './header.js'
import type { ModuleFormat } from '../write/out-dir-module-format.js'

/** `import … from './x.js'` / `export … from './x.js'` at the start of a line: the generated imports. */
const RELATIVE_JS_IMPORT = /^((?:import|export)\b[^\n]* from '\.{1,2}\/[^'\n]+?)\.js'/gm

/**
 * Fits the generated files' relative imports to the module format of the out directory. ES module
 * packages keep `./types.js` (SPEC §3: nodenext and bundler need the extension). In a CommonJS
 * package the imports become extensionless (`./validators`): ts-node's default resolver and
 * `require()` cannot map `./validators.js` to `validators.ts`, while node10, node16/nodenext (for
 * CommonJS files) and bundler resolution all accept an extensionless relative import.
 */
export function fitRelativeImports(files: readonly GeneratedFile[], format: ModuleFormat): GeneratedFile[] {
  if (format === 'module') return [...files]
  const fit = (text: string) => (text.includes(".js'") ? text.replace(RELATIVE_JS_IMPORT, "$1'") : text)
  // Parts start at line starts (see generatedFile), so fitting each part fits the whole text.
  return files.map((file) => (file.parts === undefined
    ? { name: file.name, content: fit(file.content) }
    : fileOfParts(file.name, file.parts.map(fit))))
}
