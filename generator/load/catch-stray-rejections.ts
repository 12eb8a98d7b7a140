/**
 * Runs `run` while catching what would otherwise end the process: a rejection nobody handles and
 * an exception thrown outside any call (Node reports some failures inside a CommonJS module that
 * an ES module imports both to the importer and as such a stray rejection). They are returned for
 * the caller to report; listening stops one turn of the event loop after `run` settles, when Node
 * has reported every rejection of that run.
 */
export async function catchStrayRejections<T>(run: () => Promise<T>): Promise<{ value: T; strays: unknown[] }> {
  const strays: unknown[] = []
  const collect = (error: unknown) => { strays.push(error) }
  process.on('unhandledRejection', collect)
  process.on('uncaughtException', collect)
  try {
    const value = await run()
    await new Promise((resolve) => setImmediate(resolve))
    return { value, strays }
  } finally {
    process.off('unhandledRejection', collect)
    process.off('uncaughtException', collect)
  }
}
