import { measured, missing, ratioOf } from './harness/result.js'
import type { Cell, Ratio, Section, Table } from './harness/result.js'
import { sampleRounds } from './harness/sample-rounds.js'
import type { Contender } from './harness/sample-rounds.js'
import { connectClient } from './round-trip/connect-client.js'
import type { ClientKind } from './round-trip/connect-client.js'
import { driveLoad } from './round-trip/drive-load.js'
import { prepareRoundTrip } from './round-trip/prepare-round-trip.js'
import { roundTripPayload } from './round-trip/round-trip-spec.js'
import { startServer } from './round-trip/start-server.js'
import type { RunningServer } from './round-trip/start-server.js'

/** Runs and window of the round-trip benchmark. */
export interface RoundTripOptions {
  runs: number
  warmupMs: number
  windowMs: number
}

const variants = [
  { key: 'ours', label: '(a) generated client + server, validated', server: 'ours', client: 'ours' },
  { key: 'feathers', label: '(b) official Feathers, no validation', server: 'feathers', client: 'feathers' },
  { key: 'feathersAjv', label: '(c) Feathers + CLI Ajv schema hooks', server: 'feathers-ajv', client: 'feathers' },
  { key: 'raw', label: '(d) raw socket.io emit-with-ack echo', server: 'raw', client: 'raw' },
] as const

const modes = [
  { key: 'sequential', label: 'sequential (1 client, 1 in flight)', clients: 1, inFlight: 1 },
  { key: 'inflight64', label: '1 client x 64 in flight', clients: 1, inFlight: 64 },
  { key: 'clients20', label: '20 clients x 64 in flight', clients: 20, inFlight: 64 },
] as const

/** Bench 3: create() round trips over Socket.io on 127.0.0.1, three load shapes, four stacks, interleaved. */
export async function benchRoundTrip(options: RoundTripOptions): Promise<Section> {
  const projects = await prepareRoundTrip()
  const servers = new Map<string, RunningServer>()
  const failures = new Map<string, string>()
  try {
    for (const variant of variants) {
      const skip = (reason: string) => modes.forEach((m) => failures.set(`${m.key}/${variant.key}`, reason))
      if (variant.server === 'ours' && typeof projects.ours !== 'string') { skip(projects.ours.missing); continue }
      try {
        servers.set(variant.key, await startServer(variant.server, projects.root))
      } catch (error) {
        skip(error instanceof Error ? error.message : String(error))
      }
    }
    const contenders: Contender[] = modes.flatMap((mode) => variants.map((variant) => ({
      key: `${mode.key}/${variant.key}`,
      run: async () => {
        const url = servers.get(variant.key)!.url
        const clients = await Promise.all(Array.from({ length: mode.clients }, () => connectClient(variant.client as ClientKind, url, projects.root)))
        try {
          const server = servers.get(variant.key)!
          return await driveLoad(clients, { inFlight: mode.inFlight, warmupMs: options.warmupMs, windowMs: options.windowMs, maxCalls: 2_000_000 }, server.cpu)
        } finally {
          clients.forEach((client) => client.close())
        }
      },
    })))
    // Warm every server and client path (JIT, socket buffers) before any sample counts.
    for (const [key, server] of servers) {
      const variant = variants.find((v) => v.key === key)!
      const client = await connectClient(variant.client as ClientKind, server.url, projects.root)
      try { await driveLoad([client], { inFlight: 64, warmupMs: 0, windowMs: options.warmupMs * 2, maxCalls: 200_000 }) } finally { client.close() }
    }
    const samples = await sampleRounds(options.runs, contenders.filter((c) => !failures.has(c.key)), failures)
    return report(samples, failures)
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()))
  }
}

function report(samples: Record<string, Record<string, number[]>>, failures: Map<string, string>): Section {
  const cell = (key: string, metric: string): Cell => failures.has(key) ? missing(failures.get(key)!) : measured(samples[key]?.[metric] ?? [])
  const tables: Table[] = modes.map((mode) => ({
    title: mode.label,
    columns: [
      { key: 'callsPerSecond', label: 'calls/s', unit: '', digits: 0 },
      { key: 'p50Ms', label: 'p50', unit: 'ms', digits: 2 },
      { key: 'p99Ms', label: 'p99', unit: 'ms', digits: 2 },
      { key: 'serverCpuUs', label: 'server CPU/call', unit: 'µs', digits: 1 },
      { key: 'clientCpuUs', label: 'client CPU/call', unit: 'µs', digits: 1 },
    ],
    rows: variants.map((v) => ({ label: v.label, cells: Object.fromEntries(['callsPerSecond', 'p50Ms', 'p99Ms', 'serverCpuUs', 'clientCpuUs'].map((m) => [m, cell(`${mode.key}/${v.key}`, m)])) })),
  }))
  const ratios: Ratio[] = modes.flatMap((mode) => {
    const calls = (v: string) => cell(`${mode.key}/${v}`, 'callsPerSecond')
    const serverCpu = (v: string) => cell(`${mode.key}/${v}`, 'serverCpuUs')
    return [
      ratioOf(`${mode.label}, calls/s: (a)/(b)`, calls('ours'), calls('feathers'), { op: '>=', value: 0.95 }),
      ratioOf(`${mode.label}, server CPU per call: (b)/(a)`, serverCpu('feathers'), serverCpu('ours')),
      ratioOf(`${mode.label}, calls/s: (a)/(c)`, calls('ours'), calls('feathersAjv'), { op: '>=', value: 1.0 }),
      ratioOf(`${mode.label}, calls/s: (a)/(d)`, calls('ours'), calls('raw')),
      ratioOf(`${mode.label}, calls/s: (c)/(b)`, calls('feathersAjv'), calls('feathers')),
    ]
  })
  return {
    id: 'bench 3',
    title: '3. Round trips over Socket.io',
    tables,
    ratios,
    notes: [
      `Each call is \`service.create(data)\` with ${JSON.stringify(roundTripPayload).length} bytes of JSON (a 10-property record comes back); (d) emits the same payload and acks the same record. Every server runs in its own process on 127.0.0.1 (port 0); the clients run in the benchmark process, each on its own WebSocket-only connection.`,
      'All three Feathers servers serve the same service class (the one the Feathers CLI writes). (a) is the generated `registerServices` (prototype-key guard, ahead-of-time validation of data and query, result cleaning) over `feathers-sio-gen/server`\'s `socketio()`, called with the generated `createClient`. (b) is `@feathersjs/socketio` with the service registered by hand, called with `@feathersjs/socketio-client`. (c) is (b) plus the service file `feathers generate service` writes: validateQuery/validateData with Ajv (`@feathersjs/schema` validators, formats) and the empty resolvers (resolveExternal, resolveResult, resolveQuery, resolveData) it registers.',
      'A sample is a warm-up then a fixed time window (bounded in calls too); calls/s counts calls completed in the window. Latency is per call, client side.',
      'CPU/call is the user + system CPU time a process used in the window divided by the calls completed: the server child (reported by itself) and the benchmark process (all clients). Unlike calls/s it does not depend on how the machine\'s cores are shared at that moment, so on a busy machine "server CPU per call: (b)/(a)" is the steadier measure of the server\'s own cost (1.0 = as cheap as plain Feathers).',
    ],
  }
}
