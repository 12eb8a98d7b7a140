import type { LoadedModule } from '../model/model.js'
import type { SchemaModuleFile } from './find-schema-modules.js'
import { loadBundled } from './load-bundled.js'

/**
 * Executes schema modules once and returns each one's exports, or why it failed: bundled in one
 * go when that loads them exactly as module-by-module loading would (see `loadBundled`), else
 * through `createSchemaLoader`, which `--watch` keeps between runs.
 */
export async function loadSchemaModules(files: readonly SchemaModuleFile[], cwd: string, schemaDir = cwd): Promise<LoadedModule[]> {
  const bundled = await loadBundled(files, schemaDir)
  if (bundled !== undefined) return bundled
  // tsx's hooks are loaded only when needed: a bundled run never pays for them.
  const { createSchemaLoader } = await import('./schema-loader.js')
  const loader = createSchemaLoader(cwd)
  try {
    return await loader.load(files)
  } finally {
    await loader.close()
  }
}
