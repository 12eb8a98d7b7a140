// Preloaded (--import) into a `--watch` process: on SIGUSR2 it writes its memory to $BENCH_MEMORY_FILE
// as JSON: RSS as it stands (nothing forced), then, when the process runs with --expose-gc, RSS and
// the main thread's heap used after a full GC of the main thread and of the module loader's thread
// (whose garbage otherwise swings RSS by tens of MB). A signal, so the process runs no bench code
// between reads.
import { register } from 'node:module'
import { renameSync, writeFileSync } from 'node:fs'
import { MessageChannel } from 'node:worker_threads'

const file = process.env.BENCH_MEMORY_FILE
const mb = (bytes) => bytes / 1024 / 1024
if (file) {
  const { port1, port2 } = new MessageChannel()
  register(new URL('./memory-probe-hooks.mjs', import.meta.url), { data: { port: port2 }, transferList: [port2] })
  port1.unref()
  const loaderThreadHeap = () => new Promise((resolve) => {
    port1.ref()
    port1.once('message', (heapUsed) => { port1.unref(); resolve(heapUsed) })
    port1.postMessage('gc')
  })
  process.on('SIGUSR2', async () => {
    const rssMB = mb(process.memoryUsage.rss())
    const loaderHeapUsedMB = globalThis.gc === undefined ? undefined : mb(await loaderThreadHeap())
    globalThis.gc?.()
    // Sweeping and freeing run on V8's background threads: give them a moment, then collect again,
    // so the pages a GC frees are returned before RSS is read.
    await new Promise((resolve) => setTimeout(resolve, 250))
    globalThis.gc?.()
    const after = process.memoryUsage()
    const report = { rssMB, gcRssMB: mb(after.rss), gcHeapUsedMB: mb(after.heapUsed), gcHeapTotalMB: mb(after.heapTotal), loaderHeapUsedMB }
    // Written whole, then renamed: the bench never reads half a report.
    writeFileSync(`${file}.tmp`, JSON.stringify(report))
    renameSync(`${file}.tmp`, file)
  })
}
