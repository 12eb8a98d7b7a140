import { startRedis } from '../test/helpers/redis-server.js'
import type { RedisServer } from '../test/helpers/redis-server.js'
import { measured, missing, ratioOf } from './harness/result.js'
import type { Cell, Section } from './harness/result.js'
import { sampleRounds } from './harness/sample-rounds.js'
import type { Contender } from './harness/sample-rounds.js'
import { connectFanOut, driveFanOut } from './fan-out/drive-fan-out.js'
import type { FanOutClients } from './fan-out/drive-fan-out.js'
import { prepareRoundTrip } from './round-trip/prepare-round-trip.js'
import { startServer } from './round-trip/start-server.js'
import type { RunningServer } from './round-trip/start-server.js'

/** Runs, windows and the size of the fan-out benchmark. */
export interface FanOutOptions {
  runs: number
  warmupMs: number
  windowMs: number
  listenersPerNode: number
  inFlight: number
}

const NODES = 3

const variants = [
  { key: 'ours', label: '(a) generated server + feathers-sync' },
  { key: 'feathers', label: '(b) plain Feathers + feathers-sync' },
] as const

/**
 * Bench 6: event fan-out across three nodes with feathers-sync over one real redis-server per
 * contender (pub/sub channels are global, so contenders never share one): a publisher on each node
 * creates records, every listener on every node receives every event. Interleaved rounds.
 */
export async function benchFanOut(options: FanOutOptions): Promise<Section> {
  const projects = await prepareRoundTrip()
  const stops: Array<() => Promise<void> | void> = []
  const clients = new Map<string, FanOutClients>()
  const failures = new Map<string, string>()
  try {
    for (const variant of variants) {
      if (variant.key === 'ours' && typeof projects.ours !== 'string') { failures.set(variant.key, projects.ours.missing); continue }
      try {
        const redis: RedisServer = await startRedis()
        stops.push(() => redis.stop())
        const nodes: RunningServer[] = []
        stops.push(() => Promise.all(nodes.map((node) => node.stop())).then(() => undefined))
        const starting = Array.from({ length: NODES }, () => startServer(variant.key, projects.root, 'fan-out/node-main.ts', redis.uri).then((node) => { nodes.push(node); return node }))
        // Settled first, so a node that starts while another fails is still stopped.
        for (const result of await Promise.allSettled(starting)) if (result.status === 'rejected') throw result.reason
        const connected = await connectFanOut(nodes.map((node) => node.url), options.listenersPerNode)
        stops.push(() => connected.close())
        clients.set(variant.key, connected)
      } catch (error) {
        failures.set(variant.key, error instanceof Error ? error.message.split('\n')[0]! : String(error))
      }
    }
    const shape = { inFlight: options.inFlight, warmupMs: options.warmupMs, windowMs: options.windowMs, maxCalls: 200_000, drainMs: 10_000 }
    const contenders: Contender[] = variants.filter((v) => clients.has(v.key)).map((variant) => ({
      key: variant.key,
      run: (round) => driveFanOut(clients.get(variant.key)!, shape, `${variant.key} ${round}`),
    }))
    const samples = await sampleRounds(options.runs, contenders, failures)
    return report(samples, failures, options)
  } finally {
    for (const stop of stops.reverse()) await stop()
  }
}

function report(samples: Record<string, Record<string, number[]>>, failures: Map<string, string>, options: FanOutOptions): Section {
  const cell = (key: string, metric: string): Cell => failures.has(key) ? missing(failures.get(key)!) : measured(samples[key]?.[metric] ?? [])
  const metrics = ['eventsPerSecond', 'p50Ms', 'p99Ms']
  const listeners = NODES * options.listenersPerNode
  return {
    id: 'bench 6',
    title: '6. Event fan-out across nodes (feathers-sync, Redis)',
    tables: [{
      title: `${NODES} nodes, ${listeners} listening connections, a publisher per node with ${options.inFlight} creates in flight`,
      columns: [
        { key: 'eventsPerSecond', label: 'events delivered/s', unit: '', digits: 0 },
        { key: 'p50Ms', label: 'p50', unit: 'ms', digits: 2 },
        { key: 'p99Ms', label: 'p99', unit: 'ms', digits: 2 },
      ],
      rows: variants.map((v) => ({ label: v.label, cells: Object.fromEntries(metrics.map((m) => [m, cell(v.key, m)])) })),
    }],
    ratios: [
      ratioOf('events delivered/s: (a)/(b)', cell('ours', 'eventsPerSecond'), cell('feathers', 'eventsPerSecond'), { op: '>=', value: 0.9 }),
      ratioOf('p99 latency: (a)/(b)', cell('ours', 'p99Ms'), cell('feathers', 'p99Ms')),
    ],
    notes: [
      `Each contender runs ${NODES} server processes on 127.0.0.1 configured with \`app.configure(sync({ uri }))\` before its services (feathers-sync ${'3.x'}, Redis adapter) and its own redis-server (\`--save '' --appendonly no\`); every connection is in the channel every event is published to. The service is the round-trip benchmark's (the Feathers CLI's service class); (a) registers it with the generated \`registerServices\` over \`feathers-sio-gen/server\`'s \`socketio()\` (validation, cleaning of each result and event, and the reduction of what crosses Redis to the cleaned record and declared connection fields); (b) is \`@feathersjs/socketio\` with the service registered by hand. Both are called by the same official \`@feathersjs/socketio-client\` publishers, so the servers are what differs.`,
      'A sample is a warm-up, then a fixed window of creates (bounded in count too), then delivery is awaited: every listener must receive every event or the sample fails. Events/s counts deliveries to listeners from the window start to the last delivery; latency is from the start of a create to each listener\'s reception (listeners and publishers run in the benchmark process).',
    ],
  }
}
