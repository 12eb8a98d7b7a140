import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'
import type { LoadedModule } from '../model/model.js'
import { describeLoadError } from './describe-load-error.js'
import type { SchemaModuleFile } from './find-schema-modules.js'

let runs = 0

/**
 * Executes schema modules (TypeScript needs no build step: tsx compiles on the fly) and returns
 * each one's exports, or why it failed. All modules of one call share a tsx namespace, so a
 * schema imported by two modules is the same object in both (the emitters rely on identity to
 * emit shared schemas once); each call gets a fresh namespace, so `--watch` sees edits.
 */
export async function loadSchemaModules(files: readonly SchemaModuleFile[], cwd: string): Promise<LoadedModule[]> {
  const namespace = `feathers-sio-gen-${process.pid}-${++runs}`
  const scope = register({ namespace })
  const parent = pathToFileURL(`${cwd}/`).href
  // All imports start at once: tsx's loader hooks answer from another thread, so one module at a
  // time leaves this one idle; the results still come back in path order.
  const load = async (file: SchemaModuleFile): Promise<LoadedModule> => {
    try {
      const exports = (await scope.import(pathToFileURL(file.absolute).href, parent)) as Record<string, unknown>
      return { file: file.display, exports: { ...exports } }
    } catch (error) {
      return { file: file.display, error: describeLoadError(error, cwd) }
    }
  }
  try {
    return await Promise.all(files.map(load))
  } finally {
    await scope.unregister()
  }
}
