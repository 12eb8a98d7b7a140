import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The result of one CLI run. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * A temporary working directory inside the repository (under `.tmp/`, gitignored): schema modules
 * there resolve `feathers-sio-gen` and `@sinclair/typebox` exactly as a user's would.
 */
export function makeSandbox(label: string) {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', `${label}-`))
  return {
    dir,
    /** Writes a file (creating folders) relative to the sandbox. */
    write(path: string, content: string) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), content)
    },
    /** Copies a file or folder of the repository into the sandbox. */
    copy(from: string, to: string) {
      cpSync(join(repoRoot, from), join(dir, to), { recursive: true })
    },
    read(path: string) {
      return readFileSync(join(dir, path), 'utf8')
    },
    /** Runs the CLI from sources with `args`, in the sandbox. */
    run(...args: string[]) {
      return runCli(args, dir)
    },
    /** Runs the CLI with extra environment variables. */
    runWith(env: NodeJS.ProcessEnv, ...args: string[]) {
      return runCli(args, dir, env)
    },
    /** Name → content and mtime of every file in a folder, to prove nothing changed. */
    snapshot(path: string) {
      const root = join(dir, path)
      const entries = readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()
      return Object.fromEntries(entries.filter((name) => statSync(join(root, name)).isFile()).map((name) => [
        name, { content: readFileSync(join(root, name), 'utf8'), mtimeMs: statSync(join(root, name)).mtimeMs },
      ]))
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Runs `feathers-sio-gen args…` from sources (tsx) as a real child process in `cwd`. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '--import', 'tsx', '--conditions=feathers-sio-gen-source', join(repoRoot, 'generator/cli.ts'), ...args,
    ], { cwd, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
  })
}
