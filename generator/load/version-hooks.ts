// Module hooks (run on Node's loader thread): a module file that changed since it was first
// imported resolves to a new URL (`?v=N`), so importing it, or anything that imports it, again
// evaluates the new source, while every unchanged module keeps its one instance.
import type { MessagePort } from 'node:worker_threads'

type NextResolve = (specifier: string, context: unknown) => Promise<{ url: string }>

let versions = new Map<string, number>()

/** Receives the version of every changed file (file URL → N) and answers when they are in effect. */
export function initialize(data: { port: MessagePort }): void {
  data.port.on('message', (message: { id: number; versions: [string, number][] }) => {
    for (const [url, version] of message.versions) versions.set(url, version)
    data.port.postMessage(message.id)
  })
  data.port.unref()
}

/** Adds `v=N` to the URL of a changed file. */
export async function resolve(specifier: string, context: unknown, next: NextResolve): Promise<{ url: string }> {
  const result = await next(specifier, context)
  if (versions.size === 0 || !result.url.startsWith('file:')) return result
  const query = result.url.indexOf('?')
  const version = versions.get(query === -1 ? result.url : result.url.slice(0, query))
  if (version === undefined) return result
  return { ...result, url: `${result.url}${query === -1 ? '?' : '&'}v=${version}` }
}
