import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { packPackages } from '../package/pack-packages.js'
import { repoRoot } from './cli-sandbox.js'

// Helpers for tests that run an example app the way its README says: from packed tarballs, in a
// folder outside this repository, with its own npm install, scripts and processes.

/** The environment for commands in an app: npm's own `npm_*` variables (set when the suite runs
 * under `npm test`) would point a nested npm at this repository, so they are left out. */
export function appEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' }
  for (const [key, value] of Object.entries(process.env)) if (!key.toLowerCase().startsWith('npm_')) env[key] = value
  return { ...env, ...extra }
}

/** Runs a command to completion, failing with its output when it exits non-zero or times out. */
export function sh(command: string, args: string[], cwd: string, timeout = 300_000, env = appEnv()): string {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env, killSignal: 'SIGKILL' })
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`
  assert.equal(run.status, 0, `${command} ${args.join(' ')} in ${cwd} failed (${run.status ?? run.signal}):\n${output.slice(-4000)}`)
  return run.stdout
}

/** This repository's packages packed as npm would publish them, by package name. */
export function packedTarballs(destination: string): Map<string, string> {
  const { runtime, generator } = packPackages(destination)
  return new Map([runtime, generator].map((packed) => [packed.manifest.name, packed.tarball]))
}

/** What an example's checkout holds that a copy must not: installs, builds, generated code, data. */
const notCopied = /(^|\/)(node_modules|lib|public|generated|dist)(\/|$)|\.sqlite$|\.tgz$/

/**
 * Copies an example folder to `to` and points every dependency on one of this repository's
 * packages (`file:` paths in the checkout) at the packed tarballs instead.
 */
export function copyExample(example: string, to: string, tarballs: Map<string, string>): void {
  const from = join(repoRoot, 'examples', example)
  cpSync(from, to, { recursive: true, filter: (source) => !notCopied.test(relative(from, source)) })
  for (const manifest of [join(to, 'package.json'), join(to, 'web/package.json')]) {
    if (!existsSync(manifest)) continue
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, Record<string, string> | undefined>
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(pkg[field] ?? {})) {
        const tarball = tarballs.get(name)
        if (tarball !== undefined) pkg[field]![name] = `file:${tarball}`
      }
    }
    writeFileSync(manifest, JSON.stringify(pkg, null, 2))
  }
}

/**
 * `npm install` in an app that depends on better-sqlite3. Its native addon is compiled by its
 * install script, which npm 11 runs only because the app's package.json approves it
 * (`allowScripts`); compiling takes minutes on a busy machine, so the addon built by a first run
 * is kept under .tmp/ (by addon ABI) and a later run installs without scripts and copies it in.
 */
export function installWithSqlite(dir: string, timeout: number): void {
  const install = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  const version = pkg.dependencies['better-sqlite3'] ?? 'none'
  const cache = join(repoRoot, '.tmp/native-cache', `better-sqlite3-${version}-${process.platform}-${process.arch}-abi${process.versions.modules}.node`)
  const addon = join(dir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
  if (existsSync(cache)) {
    sh('npm', [...install, '--ignore-scripts'], dir, timeout)
    mkdirSync(dirname(addon), { recursive: true })
    cpSync(cache, addon)
    return
  }
  sh('npm', install, dir, timeout)
  assert.ok(existsSync(addon), 'better-sqlite3 was not built: is it approved in allowScripts?')
  mkdirSync(dirname(cache), { recursive: true })
  cpSync(addon, cache)
}

/** A running app: its URL, everything it printed, and a stop that ends its whole process group. */
export interface RunningApp {
  url: string
  output(): string
  stop(): Promise<void>
}

/**
 * Starts `npm run <script>` in its own process group (setsid), waits until the app logs the port
 * it listens on, and returns its URL. Fails with the output when it exits or times out first.
 */
export async function startApp(cwd: string, script: string, env: Record<string, string>, timeout = 120_000): Promise<RunningApp> {
  const child: ChildProcess = spawn('npm', ['run', script], { cwd, env: appEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let running = true
  void exited.then(() => { running = false })

  // If this test process ends before stop() (a file-level timeout), take the app down with it.
  const onExit = () => { try { process.kill(-child.pid!, 'SIGKILL') } catch { /* already gone */ } }
  process.once('exit', onExit)

  const groupAlive = () => {
    try { process.kill(-child.pid!, 0); return true } catch { return false }
  }
  // npm, nodemon and ts-node share the group: signal all of them, then make sure none is left.
  const stop = async () => {
    try { process.kill(-child.pid!, 'SIGTERM') } catch { /* already gone */ }
    const until = Date.now() + 5_000
    while (groupAlive() && Date.now() < until) await delay(100)
    if (groupAlive()) try { process.kill(-child.pid!, 'SIGKILL') } catch { /* already gone */ }
    await Promise.race([exited, delay(5_000)])
    process.removeListener('exit', onExit)
  }

  const deadline = Date.now() + timeout
  while (Date.now() < deadline && running) {
    const port = /listening on http:\/\/[^:\s]+:(\d+)/.exec(output)?.[1]
    if (port !== undefined) return { url: `http://127.0.0.1:${port}`, output: () => output, stop }
    await delay(200)
  }
  await stop()
  assert.fail(`npm run ${script} did not log its port within ${timeout} ms (${running ? 'still running' : 'exited'}):\n${output.slice(-4000)}`)
}

/** Resolves after `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
