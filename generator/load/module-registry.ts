import { readFileSync } from 'node:fs'
import { Module } from 'node:module'
import { extname, isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import { transformSync } from 'esbuild'
import type { TransformResult } from 'esbuild'
import { resolveRelative } from './import-graph.js'

/**
 * What an ES module may do that evaluating it as CommonJS would change: know its own file, use
 * `require` (undefined in an ES module) or import a file at run time. Any of it in a source, and
 * the registry steps aside.
 */
const MODULE_BOUND = /\bimport\.meta\b|\b__dirname\b|\b__filename\b|\brequire\s*\(|\bimport\s*\(|\bmodule\s*\.|\bexports\s*\./

/** The packages (and built-ins) a transformed module requires: everything not relative. */
const PACKAGE_REQUIRE = /\brequire\("((?:[^"\\]|\\.)+)"\)/g

/** Imports a package's ES module namespace as `specifier` from `parentUrl` resolves it. */
export type ImportPackage = (specifier: string, parentUrl: string) => Promise<Record<string, unknown>>

/** ES modules evaluated as CommonJS in a registry of our own; see `createModuleRegistry`. */
export interface ModuleRegistry {
  /** Makes `files` ready to evaluate; false when one cannot be evaluated here exactly as Node would. */
  prepare: (files: Iterable<string>) => Promise<boolean>
  /** The exports of `file` (a prepared file), evaluating it and what it imports if not held. */
  evaluate: (file: string) => Record<string, unknown>
  /** Drops the instances of `files`: they are evaluated anew when next asked for. */
  forget: (files: Iterable<string>) => void
  /** Drops everything, the imported packages too. */
  clear: () => void
}

interface Prepared {
  stamp: string
  code: string
  packages: string[]
  /** esbuild's error for a source it cannot compile: what evaluating the file throws. */
  error?: unknown
}

/**
 * `--watch`'s loader for projects of ES modules. Node's ES module loader keeps every module it
 * ever evaluated: re-evaluating a changed schema module under a new URL kept each old version,
 * its schemas and code, for the life of the process (about 35 KB per edit). Here each file is
 * compiled by esbuild to CommonJS (as tsx does for `require`) and evaluated in a module of its
 * own: relative imports come from this registry (one instance per file, so a schema two modules
 * share stays one object), packages from Node's ES module loader (`importPackage`, resolved from
 * the importing file). A forgotten version is unreachable, and collected. A source that could
 * behave differently as CommonJS (see MODULE_BOUND), a top-level await (esbuild refuses it in
 * CommonJS) or any esbuild warning makes `prepare` answer false: the caller then loads through
 * Node's loader.
 */
export function createModuleRegistry(importPackage: ImportPackage, stampOf: (file: string) => string): ModuleRegistry {
  const prepared = new Map<string, Prepared>()
  const packages = new Map<string, Record<string, unknown>>()
  let modules = new Map<string, Module>()

  const prepareOne = async (file: string): Promise<boolean> => {
    const stamp = stampOf(file)
    let entry = prepared.get(file)
    if (entry === undefined || entry.stamp !== stamp) {
      const source = readFileSync(file, 'utf8')
      if (MODULE_BOUND.test(source)) return false
      let result: TransformResult
      try {
        result = transformSync(source, { loader: /\.[cm]?tsx?$/.test(extname(file)) ? 'ts' : 'js', format: 'cjs', platform: 'node', target: 'node20', sourcefile: file, sourcemap: 'inline', logLevel: 'silent' })
      } catch (error) {
        // A top-level await compiles as an ES module only: Node's loader takes it. A syntax
        // error is the file's load error, worded as tsx's (also esbuild's) would be.
        if (/top-level await/i.test(String(error))) return false
        prepared.set(file, { stamp, code: '', packages: [], error })
        return true
      }
      if (result.warnings.length > 0) return false
      const required = [...result.code.matchAll(PACKAGE_REQUIRE)].map((match) => JSON.parse(`"${match[1]}"`) as string)
      entry = { stamp, code: result.code, packages: required.filter((specifier) => !isLocal(specifier)) }
      prepared.set(file, entry)
    }
    const parentUrl = pathToFileURL(file).href
    for (const specifier of entry.packages) {
      const key = `${parentUrl}\0${specifier}`
      if (packages.has(key)) continue
      const namespace = await importPackage(specifier, parentUrl).catch(() => undefined)
      if (namespace === undefined) return false
      // esbuild's CommonJS interop reads `default` and the named exports off an `__esModule` object.
      packages.set(key, { ...namespace, __esModule: true })
    }
    return true
  }

  const evaluate = (file: string): Record<string, unknown> => {
    const held = modules.get(file)
    if (held !== undefined) return held.exports as Record<string, unknown>
    const entry = prepared.get(file)
    if (entry === undefined) throw new Error(`feathers-sio-gen internal error: ${file} was not prepared`)
    if ('error' in entry) throw entry.error
    const module = new Module(file)
    module.filename = file
    module.require = ((specifier: string) => {
      if (isLocal(specifier)) {
        const target = resolveRelative(file, specifier)
        if (target === undefined) throw Object.assign(new Error(`Cannot find module '${specifier}' imported from ${file}`), { code: 'ERR_MODULE_NOT_FOUND' })
        return evaluate(target)
      }
      const namespace = packages.get(`${pathToFileURL(file).href}\0${specifier}`)
      if (namespace === undefined) throw new Error(`feathers-sio-gen internal error: ${specifier} was not imported for ${file}`)
      return namespace
    }) as NodeJS.Require
    // Held before it runs: an import cycle gets the partial exports, as CommonJS gives them.
    modules.set(file, module)
    try {
      (module as unknown as { _compile: (code: string, file: string) => void })._compile(entry.code, file)
    } catch (error) {
      modules.delete(file)
      throw error
    }
    module.loaded = true
    return module.exports as Record<string, unknown>
  }

  return {
    prepare: async (files) => {
      for (const file of files) if (!await prepareOne(file)) return false
      return true
    },
    evaluate,
    forget: (files) => { for (const file of files) modules.delete(file) },
    clear: () => {
      modules = new Map()
      prepared.clear()
      packages.clear()
    },
  }
}

function isLocal(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || isAbsolute(specifier)
}
