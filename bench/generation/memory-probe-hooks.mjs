// Module hooks registered by memory-probe.mjs: they run on Node's loader thread, where tsx and the
// generator's version hooks keep their state. Asked over the port, this thread collects its own
// garbage (a GC of the main thread does not reach it) and answers with its heap used.
export function initialize({ port }) {
  port.on('message', () => {
    globalThis.gc?.()
    port.postMessage(process.memoryUsage().heapUsed)
  })
  port.unref()
}
