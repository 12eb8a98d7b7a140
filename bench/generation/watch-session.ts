import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { LimitError } from '../harness/limit-error.js'
import { cliBin } from './run-cli.js'

/** A running `feathers-sio-gen --watch`; `nextRun` resolves when it reports its next finished run. */
export interface WatchSession {
  nextRun: (timeoutMs: number) => Promise<{ reportedMs: number }>
  close: () => Promise<void>
  /** The process id (to signal a preloaded probe). */
  pid: number
  /** Drops the lines printed so far and not yet read (a run no edit of ours caused). */
  drain: () => void
}

/** What else the `--watch` process is started with (a preloaded probe, its environment). */
export interface WatchProcessOptions {
  nodeArgs?: readonly string[]
  env?: Readonly<Record<string, string>>
}

/** Starts `feathers-sio-gen schemas --out <outDir> --watch` in `project` and waits for its first run. */
export async function startWatch(project: string, outDir: string, extra: WatchProcessOptions = {}): Promise<WatchSession> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [...extra.nodeArgs ?? [], cliBin, 'schemas', '--out', outDir, '--watch'], {
    cwd: project, env: { ...process.env, NO_COLOR: '1', ...extra.env },
  })
  let buffer = ''
  let stderr = ''
  const lines: string[] = []
  let wake: (() => void) | undefined
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk
    let newline
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      lines.push(line)
      wake?.()
    }
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  // --watch never exits on its own: make sure it ends with us, however we end.
  const killOnExit = () => { child.kill('SIGKILL') }
  process.once('exit', killOnExit)
  void exited.then(() => process.off('exit', killOnExit))
  let gone = false
  void exited.then(() => { gone = true; wake?.() })
  // Lines are queued as they arrive (one chunk can hold several); this takes the next one.
  const nextLine = async (deadline: number, timeoutMs: number): Promise<string> => {
    for (;;) {
      const line = lines.shift()
      if (line !== undefined) return line
      if (gone) throw new Error(`--watch exited: ${stderr.trim().split('\n')[0] ?? ''}`)
      const left = deadline - performance.now()
      if (left <= 0) throw new LimitError(`--watch reported no finished run in ${Math.round(timeoutMs / 1000)} s`, timeoutMs)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        wake = () => { clearTimeout(timer); wake = undefined; resolve() }
      })
    }
  }
  const nextRun = async (timeoutMs: number) => {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      const line = await nextLine(deadline, timeoutMs)
      const done = /done in (\d+) ms/.exec(line)
      if (done !== null) return { reportedMs: Number(done[1]) }
      if (/problem/.test(line)) throw new Error(`--watch run failed: ${line}`)
    }
  }
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  try {
    await nextRun(180_000)
  } catch (error) {
    await close()
    // The first run is a cold generation, measured elsewhere; here it only means no edit was timed.
    throw new Error(`--watch did not finish its first run: ${error instanceof Error ? error.message : String(error)}`)
  }
  return { nextRun, close, pid: child.pid!, drain: () => { lines.length = 0 } }
}
