import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../helpers/cli-sandbox.js'

/** Runs a command, failing the test with its output when it exits non-zero; returns stdout. */
export function sh(command: string, args: string[], cwd: string, timeout = 240_000, env: NodeJS.ProcessEnv = {}): string {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1', ...env } })
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`
  assert.equal(run.status, 0, `${command} ${args.join(' ')} failed (${run.status ?? run.signal}):\n${output}`)
  return run.stdout
}

/** One packed package: its tarball, the files in it, and the package.json it ships. */
export interface PackedPackage {
  tarball: string
  files: string[]
  manifest: { name: string; version: string; scripts?: Record<string, string>; dependencies?: Record<string, string> }
}

/**
 * `npm pack` of the run-time package and of the generator package into `destination`, as they
 * would be published. `npm test` builds dist/ first; packing without scripts leaves it untouched.
 */
export function packPackages(destination: string): { runtime: PackedPackage; generator: PackedPackage } {
  assert.ok(existsSync(join(repoRoot, 'dist/generator/cli.js')) && existsSync(join(repoRoot, 'runtime/dist/cjs/server/index.js')),
    'dist/ is missing: run `npm run build` first')
  const pack = (dir: string): PackedPackage => {
    const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], dir)) as
      { filename: string; files: { path: string }[] }[]
    const tarball = join(destination, packed!.filename)
    const manifest = JSON.parse(sh('tar', ['-xOzf', tarball, 'package/package.json'], destination)) as PackedPackage['manifest']
    return { tarball, files: packed!.files.map((file) => file.path), manifest }
  }
  return { runtime: pack(join(repoRoot, 'runtime')), generator: pack(repoRoot) }
}

/** Lifecycle scripts npm runs when a package is installed (npm 11 asks users to approve them). */
export const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare']

/** Size of a folder in MB, as `du` counts it. */
export function megabytes(dir: string): number {
  return Math.round(Number(sh('du', ['-sk', dir], dir).split('\t')[0]) / 102.4) / 10
}

/**
 * What only generation needs: none of it may reach a production or browser install. (TypeBox may:
 * npm keeps a devDependency that satisfies the runtime's optional peer dependency on it.)
 */
export const TOOLCHAIN = ['ts-morph', '@ts-morph/common', 'tsx', 'chokidar', 'typescript', 'esbuild', 'feathers-sio-gen']

/** A schema module for one `notes` service, as a user writes it. */
const noteSchema = `import { Type } from '@sinclair/typebox'
import { defineService, querySyntax } from 'feathers-sio-gen'

export const Note = Type.Object(
  { id: Type.Integer(), text: Type.String({ minLength: 1 }), done: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
)
export const NoteData = Type.Object({ text: Type.String({ minLength: 1 }) }, { additionalProperties: false })
export const NoteQuery = querySyntax(Type.Pick(Note, ['id']))
`
const noteService = `export const notes = defineService({
  path: 'notes', id: Type.Integer(), result: Note, data: NoteData, query: NoteQuery, methods: ['find', 'create'],
})
`

export const notesSchema = `${noteSchema}\n${noteService}`

/** Every package name installed in a node_modules folder (scoped ones as `@scope/name`). */
export function installed(nodeModules: string): string[] {
  return readdirSync(nodeModules).filter((name) => !name.startsWith('.')).flatMap((name) =>
    name.startsWith('@') ? readdirSync(join(nodeModules, name)).map((inner) => `${name}/${inner}`) : [name])
}

/** `npm install` without the noise. */
export const npmInstall = ['install', '--no-audit', '--no-fund', '--loglevel=error']
