import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from '../harness/workspace.js'

/** A round-trip server running in a child process. */
export interface RunningServer {
  url: string
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
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const match = /\{"port":(\d+)\}/.exec(out)
      if (match !== null) {
        clearTimeout(timer)
        resolve({ url: `http://127.0.0.1:${match[1]}`, stop })
      }
    })
    void exited.then(() => { clearTimeout(timer); reject(new Error(`${kind} server exited: ${firstError(stderr)}`)) })
  })
}
