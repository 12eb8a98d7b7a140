import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { register as registerCjs } from 'tsx/cjs/api'
import { register } from 'tsx/esm/api'
import type { LoadedModule } from '../model/model.js'
import { catchStrayRejections } from './catch-stray-rejections.js'
import { describeLoadError } from './describe-load-error.js'
import { fileVersions } from './file-versions.js'
import type { SchemaModuleFile } from './find-schema-modules.js'
import { relativeImports } from './import-graph.js'
import { moduleFormat } from './module-format.js'
import { createModuleRegistry } from './module-registry.js'
import type { ModuleRegistry } from './module-registry.js'
import type { ModuleFormat } from './module-format.js'

/** Loads schema modules; a second `load` re-evaluates only what changed since the first. */
export interface SchemaLoader {
  /** Each file's exports, or why it failed, in the order given. */
  load: (files: readonly SchemaModuleFile[]) => Promise<LoadedModule[]>
  /** Removes the loader's hooks. */
  close: () => Promise<void>
}

/** A user file the loader has seen (a schema module or a file one imports), as of its last load. */
interface KnownFile {
  stamp: string
  imports: string[]
  format: ModuleFormat
}

let loaders = 0

/** A tsx import scope of its own: its modules are evaluated apart from any other scope's. */
const newScope = () => register({ namespace: `feathers-sio-gen-${process.pid}-${++loaders}` })

/**
 * A loader for the schema modules of one project. TypeScript needs no build step. A folder of ES
 * modules, or of CommonJS ones (a package without `"type": "module"`, as the Feathers CLI lays an
 * app out), is evaluated in our own module registry (see createModuleRegistry), which frees an
 * edited module's old version; where that could behave differently, tsx compiles on the fly, ES
 * modules through its import hooks and CommonJS ones through its require hooks. Either way
 * `import { User } from './users.js'` works, and modules are evaluated once and kept: on the next
 * `load`, a file whose stamp changed, and every module that imports it, is evaluated anew while
 * every other module keeps its instance, so a schema shared by two modules stays one object (the
 * emitters rely on identity).
 */
export function createSchemaLoader(cwd: string): SchemaLoader {
  const parent = pathToFileURL(`${cwd}/`).href
  const requireFrom = createRequire(join(cwd, 'schema-loader.cjs'))
  const packageTypes = new Map<string, ModuleFormat>()
  let known = new Map<string, KnownFile>()
  let results = new Map<string, LoadedModule>()
  let scope: ReturnType<typeof newScope> | undefined
  let unregisterCjs: (() => void) | undefined
  let registry: ModuleRegistry | undefined
  /** Whether the last load went through the registry (else through Node's loader). */
  let inRegistry = false

  const evict = (file: string) => {
    for (const key of Object.keys(requireFrom.cache)) {
      if (key === file || key.startsWith(`${file}?`)) delete requireFrom.cache[key]
    }
  }
  // A fresh namespace re-evaluates every ES module; CommonJS ones are taken out of require's cache.
  const reset = async () => {
    await scope?.unregister()
    scope = newScope()
    // The registry's packages came from the old scope.
    registry?.clear()
    inRegistry = false
    for (const [file, { format }] of known) if (format === 'cjs') evict(file)
    known = new Map()
    results = new Map()
  }

  /** Walks the schema modules and their relative imports; returns the files whose stamp changed. */
  const survey = (files: readonly SchemaModuleFile[]): { changed: Set<string>; graph: Map<string, KnownFile> } => {
    const graph = new Map<string, KnownFile>()
    const changed = new Set<string>()
    const queue = files.map((file) => file.absolute)
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (graph.has(file) || file.includes('/node_modules/')) continue
      const stamp = stampOf(file)
      let entry = known.get(file)
      if (entry === undefined || entry.stamp !== stamp) {
        changed.add(file)
        const source = stamp === 'missing' ? '' : readFileSync(file, 'utf8')
        entry = { stamp, imports: relativeImports(file, source), format: moduleFormat(file, packageTypes) }
      }
      graph.set(file, entry)
      queue.push(...entry.imports)
    }
    for (const file of known.keys()) if (!graph.has(file)) changed.add(file)
    return { changed, graph }
  }

  const importOne = async (file: SchemaModuleFile, format: ModuleFormat): Promise<LoadedModule> => {
    try {
      const exports = format === 'cjs'
        ? requireFrom(file.absolute) as Record<string, unknown>
        : await scope!.import(pathToFileURL(file.absolute).href, parent) as Record<string, unknown>
      return { file: file.display, exports: { ...exports } }
    } catch (error) {
      return { file: file.display, error: describeLoadError(error, cwd) }
    }
  }
  const evaluateOne = (file: SchemaModuleFile): LoadedModule => {
    try {
      return { file: file.display, exports: { ...registry!.evaluate(file.absolute) } }
    } catch (error) {
      return { file: file.display, error: describeLoadError(error, cwd) }
    }
  }

  /** Which modules a load must evaluate anew: the changed files, what imports them, and failures. */
  const affectedBy = (changed: ReadonlySet<string>, graph: ReadonlyMap<string, KnownFile>) => {
    const importers = new Map<string, string[]>()
    for (const [file, { imports }] of graph) for (const target of imports) importers.set(target, [...(importers.get(target) ?? []), file])
    const affected = new Set(changed)
    for (const file of affected) for (const importer of importers.get(file) ?? []) affected.add(importer)
    // A failed module is tried again, and so is what imports it (its failure may have been cached).
    for (const [file, result] of results) if ('error' in result) affected.add(file)
    return { affected, importers }
  }

  /** Evaluates `reloaded` (by `run`), records their results and blames stray rejections; the results in `files` order. */
  const finish = async (files: readonly SchemaModuleFile[], reloaded: SchemaModuleFile[], graph: ReadonlyMap<string, KnownFile>, run: () => Promise<LoadedModule[]>) => {
    const { value, strays } = await catchStrayRejections(run)
    value.forEach((module, i) => results.set(reloaded[i]!.absolute, module))
    for (const error of strays) {
      const blamed = blame(error, reloaded, graph)
      if (blamed !== undefined && !('error' in results.get(blamed.absolute)!)) {
        results.set(blamed.absolute, { file: blamed.display, error: describeLoadError(error, cwd) })
      }
    }
    const next = new Map<string, LoadedModule>()
    for (const file of files) next.set(file.absolute, results.get(file.absolute)!)
    results = next
    return files.map((file) => results.get(file.absolute)!)
  }

  /**
   * A project of ES modules, or of CommonJS ones, loads through our own registry (see
   * createModuleRegistry), so that superseded versions are freed; undefined when the registry
   * steps aside for this load (and for a project mixing both).
   */
  const loadInRegistry = async (files: readonly SchemaModuleFile[], changed: Set<string>, graph: Map<string, KnownFile>): Promise<LoadedModule[] | undefined> => {
    const formats = new Set([...graph.values()].map((entry) => entry.format))
    const [format] = formats
    if (formats.size !== 1 || format === undefined) return undefined
    registry ??= createModuleRegistry((specifier, parentUrl) => scope!.import(specifier, parentUrl) as Promise<Record<string, unknown>>)
    if (!await registry.prepare([...graph].map(([file, { stamp }]) => [file, stamp]), format)) return undefined
    // Coming from Node's loader (the registry is empty then: leaving it clears it), every module
    // is evaluated in it.
    if (!inRegistry) results = new Map()
    const { affected } = affectedBy(changed, graph)
    registry.forget(affected)
    known = graph
    inRegistry = true
    const reloaded = files.filter((file) => affected.has(file.absolute) || !results.has(file.absolute))
    return finish(files, reloaded, graph, async () => reloaded.map(evaluateOne))
  }

  return {
    load: async (files) => {
      unregisterCjs ??= registerCjs()
      if (scope === undefined) await reset()
      let { changed, graph } = survey(files)
      const viaRegistry = await loadInRegistry(files, changed, graph)
      if (viaRegistry !== undefined) return viaRegistry
      // Node's loader holds none of what the registry evaluated (and maybe stale versions): start over.
      if (inRegistry) {
        await reset()
        ;({ changed, graph } = survey(files))
      }
      const { affected, importers } = affectedBy(changed, graph)
      // An ES module importing a changed CommonJS file keeps the old one (Node caches the bridge):
      // start over, which is what every first load does anyway.
      const bridged = [...affected].some((file) => graph.get(file)?.format === 'cjs' && (importers.get(file) ?? []).some((importer) => graph.get(importer)?.format === 'esm'))
      if (bridged && known.size > 0) {
        await reset()
        ;({ changed, graph } = survey(files))
        graph.forEach((_entry, file) => affected.add(file))
      }
      const reloaded = files.filter((file) => affected.has(file.absolute) || !results.has(file.absolute))
      if (known.size > 0) {
        for (const file of affected) if (known.get(file)?.format === 'cjs') evict(file)
        await fileVersions().bump([...affected].filter((file) => known.get(file)?.format === 'esm').map((file) => pathToFileURL(file).href))
      }
      known = graph
      // All imports start at once: tsx's loader hooks answer from another thread, so one module at a
      // time leaves this one idle; the results still come back in path order.
      return finish(files, reloaded, graph, () => Promise.all(reloaded.map((file) => importOne(file, graph.get(file.absolute)?.format ?? 'esm'))))
    },
    close: async () => {
      unregisterCjs?.()
      unregisterCjs = undefined
      await scope?.unregister()
      scope = undefined
    },
  }
}

/**
 * The schema module a stray error belongs to: the first one its stack (or require stack) names,
 * directly or through a file it imports; else the first module loaded.
 */
function blame(error: unknown, loaded: readonly SchemaModuleFile[], graph: ReadonlyMap<string, KnownFile>): SchemaModuleFile | undefined {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)
  const imports = (file: string, target: string, seen = new Set<string>()): boolean =>
    file === target || (!seen.has(file) && (seen.add(file), graph.get(file)?.imports.some((next) => imports(next, target, seen)) === true))
  for (const [, path] of text.matchAll(/(?:file:\/\/)?(\/[^\s:?()'"]+)/g)) {
    const owner = loaded.find((file) => imports(file.absolute, decodeURIComponent(path!)))
    if (owner !== undefined) return owner
  }
  return loaded[0]
}

/** What tells a changed file from an unchanged one without reading it. */
function stampOf(file: string): string {
  try {
    const stat = statSync(file)
    return `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}`
  } catch {
    return 'missing'
  }
}
