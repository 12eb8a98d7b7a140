import { stat } from 'node:fs/promises'

/**
 * What a `--watch` session last wrote (or found current) in the out directory: per file path its
 * text (in the parts it was written from) and a stamp of the file as it was then. While the stamp
 * still matches, the file is known without reading it again (validators.ts of 500 services is 10 MB).
 */
export type OutputMemory = Map<string, { stamp: string; text: readonly string[] }>

/** A fresh, empty memory. */
export function createOutputMemory(): OutputMemory {
  return new Map()
}

/** The file's stamp (inode, size, modification and change times), or undefined when it is gone. */
export async function fileStamp(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined)
  return info === undefined ? undefined : `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`
}

/** The remembered text of `file` when the file on disk is still the one remembered. */
export async function recall(memory: OutputMemory | undefined, file: string): Promise<readonly string[] | undefined> {
  const known = memory?.get(file)
  if (known === undefined) return undefined
  return (await fileStamp(file)) === known.stamp ? known.text : undefined
}

/** Remembers `text` as what `file` holds now. */
export async function remember(memory: OutputMemory | undefined, file: string, text: readonly string[]): Promise<void> {
  if (memory === undefined) return
  const stamp = await fileStamp(file)
  if (stamp === undefined) memory.delete(file)
  else memory.set(file, { stamp, text })
}
