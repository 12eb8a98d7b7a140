import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Socket } from 'socket.io-client'
import { messages as messagesService } from '../../schemas/messages.js'
import { connectSocket } from '../helpers/connect-client.js'
import { undeclaredKeys } from '../helpers/undeclared-keys.js'

/** How hard to push: `clients` × `calls` creates (each with its event), then a flood by a client that never reads. */
export interface StressOptions {
  clients: number
  calls: number
  /** Calls kept in flight per client. */
  inFlight: number
  /** Calls the never-reading client sends. */
  floodCalls: number
  /** RSS is sampled (after a GC) every this many calls. */
  sampleEvery: number
  /** Hard bound on the whole run, ms. */
  timeLimitMs: number
  /** The server's maxPendingCalls; its default when undefined. */
  maxPendingCalls?: number
}

/** What the run saw. */
export interface StressReport {
  calls: number
  lost: number
  wrong: number
  events: number
  missingEvents: number
  undeclared: string[]
  /** Server RSS (MiB, after GC) every `sampleEvery` calls. */
  rssMiB: number[]
  floodRssBeforeMiB: number
  floodRssAfterMiB: number
  /** Flood packets the server read (a closed connection stops it reading). */
  floodReceived: number
  floodClosedByServer: boolean
  aliveAfterFlood: boolean
  ms: number
}

/** A server child with an `rss()` probe. */
async function startStressServer(maxPendingCalls: number | undefined) {
  const main = fileURLToPath(new URL('./stress-server.ts', import.meta.url))
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--conditions=feathers-sio-gen-source', main, ...(maxPendingCalls === undefined ? [] : [String(maxPendingCalls)])], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const waiting: Array<(line: string) => void> = []
  lines.on('line', (line) => waiting.shift()?.(line))
  const nextLine = () => new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stress server did not answer within 60 s')), 60_000)
    waiting.push((line) => { clearTimeout(timer); resolve(line) })
  })
  const { port } = JSON.parse(await nextLine()) as { port: number }
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  return {
    url: `http://127.0.0.1:${port}`,
    async probe(): Promise<{ rssMiB: number; received: number; closed: number }> {
      child.stdin.write('rss\n')
      const { rss, received, closed } = JSON.parse(await nextLine()) as { rss: number; received: number; closed: number }
      return { rssMiB: rss / 2 ** 20, received, closed }
    },
    async rssMiB(): Promise<number> { return (await this.probe()).rssMiB },
    async stop(): Promise<void> {
      child.stdin.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** One ack'd emit; undefined when no answer came within `ms`. */
function call(socket: Socket, ms: number, event: string, ...args: unknown[]): Promise<unknown[] | undefined> {
  return new Promise((resolve) => socket.timeout(ms).emit(event, ...args, (timeout: Error | null, ...answer: unknown[]) => resolve(timeout === null ? answer : undefined)))
}

/**
 * The load and memory check of SPEC §8: every reply is the right one and arrives, every event
 * arrives cleaned, server RSS stays flat across the calls, and a client that sends a flood of
 * calls without ever reading the answers cannot grow it without bound (it is refused, then closed).
 */
export async function runStress(options: StressOptions): Promise<StressReport> {
  const started = Date.now()
  const deadline = started + options.timeLimitMs
  const server = await startStressServer(options.maxPendingCalls)
  const sockets: Socket[] = []
  try {
    const report: StressReport = { calls: 0, lost: 0, wrong: 0, events: 0, missingEvents: 0, undeclared: [], rssMiB: [], floodRssBeforeMiB: 0, floodRssAfterMiB: 0, floodReceived: 0, floodClosedByServer: false, aliveAfterFlood: false, ms: 0 }
    for (let i = 0; i < options.clients; i++) sockets.push(await connectSocket(server.url))
    const expectedEvents = sockets.map(() => new Set<string>())
    sockets.forEach((socket, index) => socket.on('messages created', (payload: { text?: string }) => {
      report.events++
      report.undeclared.push(...undeclaredKeys(messagesService.result, payload).slice(0, 3))
      if (!expectedEvents[index]!.delete(payload.text ?? '')) report.wrong++
    }))
    report.rssMiB.push(await server.rssMiB())
    let sinceSample = 0
    await Promise.all(sockets.map(async (socket, index) => {
      let next = 0
      const worker = async () => {
        while (next < options.calls && Date.now() < deadline) {
          const text = `c${index}-${next++}`
          expectedEvents[index]!.add(text)
          const answer = await call(socket, 10_000, 'create', 'messages', { text }, {})
          report.calls++
          if (answer === undefined) report.lost++
          else if (answer[0] !== null || (answer[1] as { text?: unknown }).text !== text) report.wrong++
          else report.undeclared.push(...undeclaredKeys(messagesService.result, answer[1]).slice(0, 3))
          if (++sinceSample >= options.sampleEvery) {
            sinceSample = 0
            report.rssMiB.push(await server.rssMiB())
          }
        }
      }
      await Promise.all(Array.from({ length: options.inFlight }, worker))
    }))
    // Events travel after their replies: give the last ones a moment.
    const settle = Date.now() + 2000
    while (expectedEvents.some((set) => set.size > 0) && Date.now() < settle) await new Promise((resolve) => setTimeout(resolve, 20))
    report.missingEvents = expectedEvents.reduce((sum, set) => sum + set.size, 0)
    report.rssMiB.push(await server.rssMiB())
    // The flood: a client whose TCP socket stops reading, so answers pile up on the server.
    const { rssMiB: floodRssBeforeMiB, received: floodStart } = await server.probe()
    report.floodRssBeforeMiB = floodRssBeforeMiB
    const flooder = await connectSocket(server.url)
    const tcp = (flooder.io.engine.transport as unknown as { ws?: { _socket?: { pause(): void } } }).ws?._socket
    if (tcp === undefined) throw new Error('cannot reach the flooding client\'s TCP socket')
    tcp.pause()
    const payload = { text: 'x'.repeat(400) }
    for (let sent = 0; sent < options.floodCalls && Date.now() < deadline; sent++) {
      flooder.emit('create', 'messages', payload, {}, () => undefined)
      if (sent % 500 === 499) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    // Wait until the server has read the whole flood (it stops growing), then weigh it.
    for (let last = -1, now = floodStart; now !== last && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      last = now
      now = (await server.probe()).received
      report.floodReceived = now - floodStart
    }
    const afterFlood = await server.probe()
    report.floodRssAfterMiB = afterFlood.rssMiB
    report.floodClosedByServer = afterFlood.closed > 0
    flooder.close()
    const after = await connectSocket(server.url)
    sockets.push(after)
    const answer = await call(after, 5000, 'get', 'messages', 1, {})
    report.aliveAfterFlood = answer !== undefined && answer[0] === null
    report.ms = Date.now() - started
    return report
  } finally {
    sockets.forEach((socket) => socket.close())
    await server.stop()
  }
}
