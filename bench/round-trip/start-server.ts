import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from '../harness/workspace.js'

/** A round-trip server running in a child process. */
export interface RunningServer {
  url: string
  /** CPU time (user + system, µs) the server process has used so far. */
  cpu: () => Promise<number>
  stop: () => Promise<void>
}

/** The line of a crash report that says what went wrong. */
function firstError(stderr: string): string {
  const lines = stderr.trim().split('\n')
  return (lines.find((line) => /Error\b/.test(line)) ?? lines[0] ?? '').trim()
}

/** Starts `server-main.ts <kind>` (or another `script` under bench/) with tsx and the source condition; waits for its port. */
export function startServer(kind: string, root: string, script = join('round-trip', 'server-main.ts'), ...extra: string[]): Promise<RunningServer> {
  const child = spawn(process.execPath, [
    '--import', 'tsx', '--conditions=feathers-sio-gen-source', join(repoRoot, 'bench', script), kind, root, ...extra,
  ], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const stop = async () => {
    child.stdin.end()
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => { void stop(); reject(new Error(`${kind} server did not start in 60 s: ${stderr.trim().split('\n')[0] ?? ''}`)) }, 60_000)
    const cpuWaiters: Array<(micros: number) => void> = []
    const cpu = () => new Promise<number>((answer) => { cpuWaiters.push(answer); child.stdin.write('cpu\n') })
    let started = false
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      for (let newline = out.indexOf('\n'); newline >= 0; newline = out.indexOf('\n')) {
        const line = out.slice(0, newline)
        out = out.slice(newline + 1)
        const port = /^\{"port":(\d+)\}/.exec(line)
        const used = /^\{"cpu":(\d+)\}/.exec(line)
        if (port !== null && !started) {
          started = true
          clearTimeout(timer)
          resolve({ url: `http://127.0.0.1:${port[1]}`, cpu, stop })
        } else if (used !== null) {
          cpuWaiters.shift()?.(Number(used[1]))
        }
      }
    })
    void exited.then(() => { clearTimeout(timer); reject(new Error(`${kind} server exited: ${firstError(stderr)}`)) })
  })
}
