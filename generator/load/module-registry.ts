import { readFileSync } from 'node:fs'
import { createRequire, Module } from 'node:module'
import { dirname, extname, isAbsolute, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { transformSync } from 'esbuild'
import type { Loader, TransformResult } from 'esbuild'
import { resolveRelative } from './import-graph.js'
import type { ModuleFormat } from './module-format.js'

/**
 * What a module may do that evaluating it here would change. An ES module: know its own file, use
 * `require` or CommonJS's `module`/`exports` (undefined in an ES module), or import a file at run
 * time. A CommonJS module: `import.meta` (a syntax error there) or `import()` (an ES module
 * import in Node, which esbuild would turn into `require`). Any of it in a source, and the
 * registry steps aside.
 */
const BOUND: Record<ModuleFormat, RegExp> = {
  esm: /\bimport\.meta\b|\b__dirname\b|\b__filename\b|\brequire\s*\(|\bimport\s*\(|\bmodule\s*\.|\bexports\s*\./,
  cjs: /\bimport\.meta\b|\bimport\s*\(/,
}

/** How esbuild reads a file, by extension; a file of any other kind is left to Node. */
const LOADERS: Record<string, Loader | undefined> = {
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx',
}

/** The packages (and built-ins) a compiled module requires: everything not relative. */
const PACKAGE_REQUIRE = /\brequire\("((?:[^"\\]|\\.)+)"\)/g

/** Imports a package's ES module namespace as `specifier` from `parentUrl` resolves it. */
export type ImportPackage = (specifier: string, parentUrl: string) => Promise<Record<string, unknown>>

/** Schema modules evaluated in a registry of our own; see `createModuleRegistry`. */
export interface ModuleRegistry {
  /**
   * Makes `files` (path → stamp, as the caller surveyed them) ready to evaluate; false when one
   * cannot be evaluated here exactly as Node would.
   */
  prepare: (files: Iterable<[string, string]>, format: ModuleFormat) => Promise<boolean>
  /** The exports of `file` (a prepared file), evaluating it and what it imports if not held. */
  evaluate: (file: string) => Record<string, unknown>
  /** Drops the instances of `files`: they are evaluated anew when next asked for. */
  forget: (files: Iterable<string>) => void
  /** Drops everything, the imported packages too. */
  clear: () => void
}

interface Prepared {
  stamp: string
  format: ModuleFormat
  code: string
  packages: string[]
  /** esbuild's error for a source it cannot compile: what evaluating the file throws. */
  error?: unknown
}

/**
 * `--watch`'s loader. Node keeps every module it evaluated: an ES module re-evaluated under a new
 * URL kept each old version, its schemas and code, for the life of the process (about 35 KB per
 * edit), and tsx's CommonJS hooks keep each compiled version too. Here each file of a project's
 * schema modules (all ES modules, or all CommonJS) is compiled by esbuild to CommonJS, as tsx
 * compiles for `require`, and evaluated in a module of its own. Relative imports come from this
 * registry (one instance per file, so a schema two modules share stays one object); packages from
 * Node: an ES module's through Node's ES module loader (`importPackage`, resolved from the
 * importing file's folder), a CommonJS module's through `require`. A forgotten version is unreachable and
 * collected. A source that could behave differently here (see BOUND), a top-level await (esbuild
 * refuses it in CommonJS) or an esbuild warning makes `prepare` answer false: the caller then
 * loads through Node's loaders.
 */
export function createModuleRegistry(importPackage: ImportPackage): ModuleRegistry {
  const prepared = new Map<string, Prepared>()
  const packages = new Map<string, Record<string, unknown>>()
  let modules = new Map<string, Module>()

  const compile = (file: string, stamp: string, format: ModuleFormat): Prepared | undefined => {
    const known = prepared.get(file)
    if (known !== undefined && known.stamp === stamp && known.format === format) return known
    const loader = LOADERS[extname(file)]
    if (loader === undefined) return undefined // JSON, or anything else Node's loaders would handle
    let source: string
    try {
      source = readFileSync(file, 'utf8')
    } catch {
      return undefined // gone since the survey: Node's loader reports it
    }
    if (BOUND[format].test(source)) return undefined
    let result: TransformResult
    try {
      result = transformSync(source, { loader, format: 'cjs', platform: 'node', target: 'node20', sourcefile: file, sourcemap: 'inline', logLevel: 'silent' })
    } catch (error) {
      // A top-level await compiles as an ES module only: Node's loader takes it. A syntax
      // error is the file's load error, worded as tsx's (also esbuild's) would be.
      if (/top-level await/i.test(String(error))) return undefined
      const failed = { stamp, format, code: '', packages: [], error }
      prepared.set(file, failed)
      return failed
    }
    if (result.warnings.length > 0) return undefined
    const required = [...result.code.matchAll(PACKAGE_REQUIRE)].map((match) => JSON.parse(`"${match[1]}"`) as string)
    const entry = { stamp, format, code: result.code, packages: required.filter((specifier) => !isLocal(specifier)) }
    prepared.set(file, entry)
    return entry
  }

  /** An ES module's packages, imported ahead: `require` is synchronous, Node's ES module loader is not. */
  const importPackages = async (file: string, entry: Prepared): Promise<boolean> => {
    if (entry.format !== 'esm') return true
    const folder = dirname(file)
    for (const specifier of entry.packages) {
      // A package resolves the same from every file of a folder.
      const key = `${folder}\0${specifier}`
      if (packages.has(key)) continue
      const namespace = await importPackage(specifier, pathToFileURL(file).href).catch(() => undefined)
      if (namespace === undefined) return false
      // esbuild's CommonJS interop reads `default` and the named exports off an `__esModule` object.
      packages.set(key, { ...namespace, __esModule: true })
    }
    return true
  }

  const requireFor = (file: string, format: ModuleFormat) => {
    const nodeRequire = format === 'cjs' ? createRequire(file) : undefined
    return (specifier: string): unknown => {
      if (isLocal(specifier)) {
        const target = resolveRelative(file, specifier)
        if (target === undefined) throw notFound(specifier, file, format)
        return evaluate(target)
      }
      if (nodeRequire !== undefined) return nodeRequire(specifier)
      const namespace = packages.get(`${dirname(file)}\0${specifier}`)
      if (namespace === undefined) throw new Error(`feathers-sio-gen internal error: ${specifier} was not imported for ${file}`)
      return namespace
    }
  }

  const evaluate = (file: string): Record<string, unknown> => {
    const held = modules.get(file)
    if (held !== undefined) return held.exports as Record<string, unknown>
    const entry = prepared.get(file)
    if (entry === undefined) throw new Error(`feathers-sio-gen internal error: ${file} was not prepared`)
    if ('error' in entry) throw entry.error
    const module = new Module(file)
    module.filename = file
    // What `require.resolve` and `module.paths` read, as Node sets them for a file of its own.
    module.paths = (Module as unknown as { _nodeModulePaths: (dir: string) => string[] })._nodeModulePaths(dirname(file))
    module.require = requireFor(file, entry.format) as NodeJS.Require
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
    prepare: async (files, format) => {
      for (const [file, stamp] of files) {
        const entry = compile(file, stamp, format)
        if (entry === undefined || !await importPackages(file, entry)) return false
      }
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

/**
 * The error Node's loader throws for a relative import that names no file, with its message (so
 * it is worded as before) and, like Node's, no stack frame of the user's.
 */
function notFound(specifier: string, file: string, format: ModuleFormat): Error {
  const message = format === 'cjs'
    ? `Cannot find module '${specifier}'\nRequire stack:\n- ${file}`
    : `Cannot find module '${resolve(dirname(file), specifier)}' imported from ${file}`
  const error = Object.assign(new Error(message), { code: format === 'cjs' ? 'MODULE_NOT_FOUND' : 'ERR_MODULE_NOT_FOUND' })
  error.stack = `Error: ${message}`
  return error
}

function isLocal(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || isAbsolute(specifier)
}
