import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** A server node started as a child process in its own process group. */
export interface SyncNode {
  port: number
  url: string
  /** What the node wrote to stderr so far (a crash's stack, an unhandled rejection). */
  stderr(): string
  /** True while the process runs. */
  alive(): boolean
  /** Runs one of the node's IPC commands; rejects after `ms` without an answer. */
  command(op: string, ms?: number): Promise<unknown>
  /** Kills the node's whole process group; resolves once it has exited. */
  kill(): Promise<void>
}

const CHILD = fileURLToPath(new URL('../e2e/sync-node.child.ts', import.meta.url))

/** Starts `test/e2e/sync-node.child.ts` with `env`; resolves when it listens (at most `ms`). */
export async function startSyncNode(env: Record<string, string>, ms = 60_000): Promise<SyncNode> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--conditions=feathers-sio-gen-source', CHILD], {
    detached: true, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, ...env },
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const pending = new Map<number, (reply: { ok: boolean; value?: unknown; error?: string }) => void>()
  let nextId = 0
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    try { process.kill(-child.pid!, 'SIGKILL') } catch { /* already gone */ }
    await exited
  }
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node not ready within ${ms} ms:\n${stderr}`)), ms)
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`node exited (${code}) before listening:\n${stderr}`)) })
    child.on('message', (message: { ready?: number; id?: number; ok?: boolean }) => {
      if (typeof message.ready === 'number') { clearTimeout(timer); resolve(message.ready) }
      if (typeof message.id === 'number') pending.get(message.id)?.(message as { ok: boolean })
    })
  }).catch(async (error: unknown) => { await kill(); throw error })
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    command(op, timeout = 5000) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { pending.delete(id); reject(new Error(`no answer to '${op}' within ${timeout} ms`)) }, timeout)
        pending.set(id, (reply) => {
          clearTimeout(timer)
          pending.delete(id)
          if (reply.ok) resolve(reply.value)
          else reject(new Error(reply.error))
        })
        child.send({ id, op })
      })
    },
    kill,
  }
}
