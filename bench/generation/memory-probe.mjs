// Preloaded (--import) into a `--watch` process: on SIGUSR2 it writes its memory to $BENCH_MEMORY_FILE
// as JSON: RSS as it stands (nothing forced), then, when the process runs with --expose-gc, RSS and
// heap used after a full GC. A signal, so the measured process runs no bench code between reads.
import { renameSync, writeFileSync } from 'node:fs'

const file = process.env.BENCH_MEMORY_FILE
const mb = (bytes) => bytes / 1024 / 1024
if (file) {
  process.on('SIGUSR2', () => {
    const rssMB = mb(process.memoryUsage.rss())
    globalThis.gc?.()
    const after = process.memoryUsage()
    // Written whole, then renamed: the bench never reads half a report.
    writeFileSync(`${file}.tmp`, JSON.stringify({ rssMB, gcRssMB: mb(after.rss), gcHeapUsedMB: mb(after.heapUsed), gcHeapTotalMB: mb(after.heapTotal), gcExternalMB: mb(after.external) }))
    renameSync(`${file}.tmp`, file)
  })
}
