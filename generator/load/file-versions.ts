import { register } from 'node:module'
import { MessageChannel } from 'node:worker_threads'

/** Tells the loader thread's version hooks which file URLs resolve to a new version. */
export interface FileVersions {
  bump: (fileUrls: readonly string[]) => Promise<void>
}

let shared: FileVersions | undefined
let counter = 0

/**
 * The process's one set of version hooks (generator/load/version-hooks.ts), registered on first
 * use: hooks cannot be removed, so registering them per load would grow the loader thread.
 */
export function fileVersions(): FileVersions {
  if (shared !== undefined) return shared
  const { port1, port2 } = new MessageChannel()
  register(new URL('./version-hooks.js', import.meta.url), { data: { port: port2 }, transferList: [port2] })
  const waiting = new Map<number, () => void>()
  port1.on('message', (id: number) => { waiting.get(id)?.(); waiting.delete(id) })
  // Listening refs the port; it must keep the process alive only while an answer is awaited.
  port1.unref()
  let message = 0
  shared = {
    bump: async (fileUrls) => {
      if (fileUrls.length === 0) return
      const version = ++counter
      const id = ++message
      const acknowledged = new Promise<void>((done) => waiting.set(id, done))
      port1.ref()
      port1.postMessage({ id, versions: fileUrls.map((url) => [url, version]) })
      await acknowledged.finally(() => port1.unref())
    },
  }
  return shared
}
