import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
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
