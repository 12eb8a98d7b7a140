import assert from 'node:assert/strict'
import { test } from 'node:test'
import { runStress } from '../stress/run-stress.js'

// The small form of `npm run stress` (SPEC §8): 4 clients x 500 creates with their events, then a
// client that sends 10,000 calls and never reads an answer. Budget: ~10 s, bounded at 90 s.
test('load and flood: no lost or wrong reply or event, a never-reading client is cut off, RSS bounded', async () => {
  const report = await runStress({ clients: 4, calls: 500, inFlight: 8, floodCalls: 10_000, sampleEvery: 1000, timeLimitMs: 90_000 })
  console.log(`# stress: ${report.calls} calls, ${report.events} events, RSS ${report.rssMiB.map((r) => r.toFixed(1)).join(' → ')} MiB; flood: ${report.floodReceived} calls read, ${report.floodRssBeforeMiB.toFixed(1)} → ${report.floodRssAfterMiB.toFixed(1)} MiB, closed ${report.floodClosedByServer}; ${report.ms} ms`)
  assert.equal(report.calls, 2000)
  assert.deepEqual({ lost: report.lost, wrong: report.wrong, missingEvents: report.missingEvents, undeclared: report.undeclared.slice(0, 5) }, { lost: 0, wrong: 0, missingEvents: 0, undeclared: [] })
  assert.equal(report.events, 2000)
  assert.ok(report.floodClosedByServer, 'the server closed the client that reads nothing')
  assert.ok(report.floodReceived < 10_000, `the server stopped reading the flood (read ${report.floodReceived})`)
  assert.ok(report.floodRssAfterMiB - report.floodRssBeforeMiB < 40, `RSS grew ${(report.floodRssAfterMiB - report.floodRssBeforeMiB).toFixed(1)} MiB under the flood`)
  assert.ok(report.aliveAfterFlood, 'the server serves after the flood')
})
