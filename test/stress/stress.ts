// `npm run stress`: the load and memory check at full size (outside `npm test`, which runs a small
// form in test/e2e/hostile-stress.test.ts). Generates ./schemas into test/.generated first.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runStress } from './run-stress.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const generated = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=feathers-sio-gen-source', 'generator/cli.ts', './schemas', '--out', 'test/.generated'], { cwd: root, stdio: 'inherit' })
if (generated.status !== 0) process.exit(generated.status ?? 1)

const report = await runStress({ clients: 20, calls: 5000, inFlight: 16, floodCalls: 20_000, sampleEvery: 10_000, timeLimitMs: 300_000 })
const rss = report.rssMiB
console.log(JSON.stringify({ ...report, undeclared: report.undeclared.slice(0, 5) }, null, 1))
console.log(`calls ${report.calls} (lost ${report.lost}, wrong ${report.wrong}); events ${report.events} (missing ${report.missingEvents}); server RSS ${rss.map((r) => r.toFixed(1)).join(' → ')} MiB; flood of ${20_000} unread calls (${report.floodReceived} read by the server): ${report.floodRssBeforeMiB.toFixed(1)} → ${report.floodRssAfterMiB.toFixed(1)} MiB, closed by server: ${report.floodClosedByServer}, alive after: ${report.aliveAfterFlood}; ${report.ms} ms`)
const failures = [
  report.lost > 0 && 'lost replies',
  report.wrong > 0 && 'wrong replies or events',
  report.missingEvents > 0 && 'missing events',
  report.undeclared.length > 0 && 'undeclared fields left the server',
  report.calls < 100_000 && 'fewer than 100k calls in the time limit',
  Math.max(...rss.slice(1)) - rss[1]! > 25 && 'RSS grew by more than 25 MiB over the calls',
  report.floodRssAfterMiB - report.floodRssBeforeMiB > 40 && 'the flood grew RSS by more than 40 MiB',
  !report.floodClosedByServer && 'the server did not close the never-reading client',
  !report.aliveAfterFlood && 'the server did not serve after the flood',
].filter((failure) => failure !== false)
if (failures.length > 0) {
  console.error(`stress: FAILED: ${failures.join('; ')}`)
  process.exit(1)
}
console.log('stress: ok')
process.exit(0)
