import type { LoadedModule } from '../model/model.js'
import type { SchemaModuleFile } from './find-schema-modules.js'
import { loadBundled } from './load-bundled.js'
import { createSchemaLoader } from './schema-loader.js'

/**
 * Executes schema modules once and returns each one's exports, or why it failed: bundled in one
 * go when that loads them exactly as module-by-module loading would (see `loadBundled`), else
 * through `createSchemaLoader`, which `--watch` keeps between runs.
 */
export async function loadSchemaModules(files: readonly SchemaModuleFile[], cwd: string, schemaDir = cwd): Promise<LoadedModule[]> {
  const bundled = await loadBundled(files, schemaDir)
  if (bundled !== undefined) return bundled
  const loader = createSchemaLoader(cwd)
  try {
    return await loader.load(files)
  } finally {
    await loader.close()
  }
}
