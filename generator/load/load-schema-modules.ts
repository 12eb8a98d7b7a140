import type { LoadedModule } from '../model/model.js'
import type { SchemaModuleFile } from './find-schema-modules.js'
import { createSchemaLoader } from './schema-loader.js'

/**
 * Executes schema modules once and returns each one's exports, or why it failed (see
 * `createSchemaLoader`, which `--watch` keeps between runs).
 */
export async function loadSchemaModules(files: readonly SchemaModuleFile[], cwd: string): Promise<LoadedModule[]> {
  const loader = createSchemaLoader(cwd)
  try {
    return await loader.load(files)
  } finally {
    await loader.close()
  }
}
