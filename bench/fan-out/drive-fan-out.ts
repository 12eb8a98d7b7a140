import { setTimeout as sleep } from 'node:timers/promises'
import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import socketioClient from '@feathersjs/socketio-client'
import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import { percentile } from '../harness/stats.js'
import { roundTripPayload, roundTripSpec } from '../round-trip/round-trip-spec.js'

// CommonJS: under Node's ESM loader the default import is `module.exports` (typed with `default`).
const configureSocketClient = ((socketioClient as { default?: unknown }).default ?? socketioClient) as (socket: Socket) => (app: Application) => void

/** The clients of one cluster: a publisher per node (the contender's own client) and plain listening sockets. */
export interface FanOutClients {
  publishers: Array<(title: string) => Promise<unknown>>
  listeners: Socket[]
  close(): void
}

/** How hard and how long to publish, and how long delivery may trail behind. */
export interface FanOutShape {
  inFlight: number
  warmupMs: number
  windowMs: number
  /** A hard cap on creates per window, so a run is bounded in count as well as time. */
  maxCalls: number
  drainMs: number
}

/** A new WebSocket-only socket to `url`, connected. */
async function openSocket(url: string): Promise<Socket> {
  const socket = io(url, { forceNew: true, transports: ['websocket'], reconnection: false })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}

/**
 * Connects a publisher and `listenersPerNode` listening sockets to each node. Publishers are the
 * same official `@feathersjs/socketio-client` for both contenders (a generated server serves it),
 * so the comparison is of the servers: the clients share the benchmark process's CPU.
 */
export async function connectFanOut(urls: readonly string[], listenersPerNode: number): Promise<FanOutClients> {
  const sockets: Socket[] = []
  const close = () => sockets.forEach((socket) => socket.close())
  try {
    const publishers: FanOutClients['publishers'] = []
    for (const url of urls) {
      const socket = await openSocket(url)
      sockets.push(socket)
      const service = feathers().configure(configureSocketClient(socket)).service(roundTripSpec.path)
      publishers.push((title) => service.create({ ...roundTripPayload, title }))
    }
    const listeners: Socket[] = []
    for (const url of urls) {
      for (let index = 0; index < listenersPerNode; index++) listeners.push(await openSocket(url))
    }
    sockets.push(...listeners)
    return { publishers, listeners, close }
  } catch (error) {
    close()
    throw error
  }
}

/**
 * One sample: a warm-up, then publishers keep `inFlight` creates going on each node for the
 * window; every listener on every node must receive every `notes created` event (else the run
 * fails: a lost event is not a faster run). Events per second count deliveries to listeners up to
 * the last one; latency runs from the create's start to each listener's reception.
 */
export async function driveFanOut(clients: FanOutClients, shape: FanOutShape, tag: string): Promise<{ eventsPerSecond: number; p50Ms: number; p99Ms: number }> {
  let sent = new Map<string, number>()
  let delivered = 0
  let last = 0
  const latencies: number[] = []
  const onEvent = (payload: { title?: unknown }) => {
    const started = typeof payload?.title === 'string' ? sent.get(payload.title) : undefined
    if (started === undefined) return
    last = performance.now()
    delivered++
    latencies.push(last - started)
  }
  const publish = async (ms: number, prefix: string): Promise<number> => {
    const until = performance.now() + ms
    let calls = 0
    const worker = async (create: (title: string) => Promise<unknown>) => {
      while (performance.now() < until && calls < shape.maxCalls) {
        const title = `${prefix} ${calls++}`
        sent.set(title, performance.now())
        await create(title)
      }
    }
    await Promise.all(clients.publishers.flatMap((create) => Array.from({ length: shape.inFlight }, () => worker(create))))
    return calls
  }
  const drain = async (expected: number): Promise<void> => {
    const deadline = performance.now() + shape.drainMs
    while (delivered < expected && performance.now() < deadline) await sleep(5)
    if (delivered !== expected) throw new Error(`fan-out delivered ${delivered} of ${expected} events`)
  }
  for (const socket of clients.listeners) socket.on(`${roundTripSpec.path} created`, onEvent)
  try {
    await drain(await publish(shape.warmupMs, `${tag} warm-up`) * clients.listeners.length)
    sent = new Map()
    delivered = 0
    latencies.length = 0
    const started = performance.now()
    await drain(await publish(shape.windowMs, `${tag} window`) * clients.listeners.length)
    return { eventsPerSecond: delivered / ((last - started) / 1000), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) }
  } finally {
    for (const socket of clients.listeners) socket.off(`${roundTripSpec.path} created`, onEvent)
  }
}
