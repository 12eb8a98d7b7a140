import { percentile } from '../harness/stats.js'
import type { RoundTripClient } from './connect-client.js'

/** How hard and how long to drive one contender. */
export interface LoadShape {
  inFlight: number
  warmupMs: number
  windowMs: number
  /** A hard cap on calls in the window, so a run is bounded in count as well as time. */
  maxCalls: number
}

/** Throughput and latency of one window. */
export interface LoadResult {
  callsPerSecond: number
  p50Ms: number
  p99Ms: number
  [metric: string]: number
}

/** Keeps `inFlight` calls going on each client until the deadline; returns latencies (ms). */
async function drive(clients: readonly RoundTripClient[], inFlight: number, until: number, maxCalls: number, latencies?: number[]): Promise<number> {
  let calls = 0
  const worker = async (client: RoundTripClient) => {
    while (performance.now() < until && calls < maxCalls) {
      calls++
      const started = performance.now()
      await client.call()
      latencies?.push(performance.now() - started)
    }
  }
  await Promise.all(clients.flatMap((client) => Array.from({ length: inFlight }, () => worker(client))))
  return latencies?.length ?? calls
}

/** CPU time (user + system, µs) a process has used so far. */
export type CpuProbe = () => Promise<number>

/**
 * Warms up, then measures one window: completed calls per second, p50/p99 latency, and the CPU
 * time per call of the clients (this process) and, given a probe, of the server. CPU per call is
 * what a call costs, whatever else the machine runs; calls/s also depends on how the machine's
 * cores are shared at that moment.
 */
export async function driveLoad(clients: readonly RoundTripClient[], shape: LoadShape, serverCpu?: CpuProbe): Promise<LoadResult> {
  await drive(clients, shape.inFlight, performance.now() + shape.warmupMs, shape.maxCalls)
  const latencies: number[] = []
  const serverBefore = serverCpu === undefined ? 0 : await serverCpu()
  const clientBefore = process.cpuUsage()
  const started = performance.now()
  const completed = await drive(clients, shape.inFlight, started + shape.windowMs, shape.maxCalls, latencies)
  const elapsed = performance.now() - started
  const client = process.cpuUsage(clientBefore)
  const serverUs = serverCpu === undefined ? Number.NaN : await serverCpu() - serverBefore
  return {
    callsPerSecond: completed / (elapsed / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    serverCpuUs: serverUs / completed,
    clientCpuUs: (client.user + client.system) / completed,
  }
}
