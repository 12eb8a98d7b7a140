import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A real `redis-server` on a loopback port of its own, with no persistence. */
export interface RedisServer {
  port: number
  uri: string
  /** Kills the server (SIGKILL: an outage, not a shutdown); resolves once it has exited. */
  kill(): Promise<void>
  /** Starts it again on the same port; resolves once it accepts connections. */
  restart(): Promise<void>
  /** Kills it and removes its directory. */
  stop(): Promise<void>
}

/** A port nothing listens on right now (bound on 127.0.0.1 port 0, read back, released). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

/** Resolves once `port` accepts a connection; rejects after `ms`. */
async function waitForPort(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => { socket.destroy(); resolve(true) })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Starts `redis-server` (the Debian package) on a free loopback port in a temporary directory,
 * `--save '' --appendonly no`, in its own process group so that it is killed with everything it
 * started. Throws when `redis-server` is not installed (`.ci/run` installs it).
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'sio-gen-redis-'))
  let child: ChildProcess | undefined
  const launch = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]
    // redis-server is exec'd by a shell whose background watcher kills the process group when our
    // end of its stdin closes: however this process ends (a timeout's SIGTERM included), no
    // redis-server outlives it.
    // (fd 3: a background job's own stdin is /dev/null.)
    child = spawn('sh', ['-c', 'exec 3<&0; (cat <&3 >/dev/null; kill -9 0) & exec redis-server "$@" 3<&-', 'sh', ...args],
      { detached: true, stdio: ['pipe', 'ignore', 'ignore'] })
    const started = child
    const failed = new Promise<never>((_, reject) => {
      started.once('error', reject)
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}) on port ${port}`)))
    })
    failed.catch(() => undefined)
    await Promise.race([waitForPort(port, 10_000), failed])
  }
  const kill = async () => {
    const running = child
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
    try { process.kill(-running.pid!, 'SIGKILL') } catch { /* already gone */ }
    await exited
    running.stdin?.destroy()
  }
  await launch()
  return {
    port,
    uri: `redis://127.0.0.1:${port}`,
    kill,
    restart: launch,
    async stop() {
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
