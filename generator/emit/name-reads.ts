import type { TypeRoot } from './plan-type-names.js'

/**
 * What a computation read of the names planned so far, enough to tell whether it would read the
 * same again: the entries under each identity key it looked up (every `nameOf` of a schema with
 * that key answers from them alone) and the name of each `$ref` it resolved.
 */
export interface NameReads {
  keys: ReadonlyMap<unknown, readonly TypeRoot[] | undefined>
  refs: ReadonlyMap<string, string | undefined>
}

/** Where reads are checked: the registry as it is now. */
export interface NameSource {
  entriesAt(key: unknown): readonly TypeRoot[] | undefined
  refName(ref: string): string | undefined
}

/** Collects reads, each key and `$ref` once (the first read counts). */
export class NameReadLog implements NameReads {
  readonly keys = new Map<unknown, readonly TypeRoot[] | undefined>()
  readonly refs = new Map<string, string | undefined>()

  key(key: unknown, entries: readonly TypeRoot[] | undefined): void {
    if (!this.keys.has(key)) this.keys.set(key, entries === undefined ? undefined : [...entries])
  }

  ref(ref: string, name: string | undefined): void {
    if (!this.refs.has(ref)) this.refs.set(ref, name)
  }
}

/** True when two lists of entries name the same schemas the same, in the same order. */
export function sameEntries(a: readonly TypeRoot[] | undefined, b: readonly TypeRoot[] | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 1) {
    if (a[i]?.name !== b[i]?.name || a[i]?.schema !== b[i]?.schema) return false
  }
  return true
}

/** True when `source` has exactly the entries and `$ref` names that were read. */
export function readsHold(reads: NameReads, source: NameSource): boolean {
  for (const [key, entries] of reads.keys) if (!sameEntries(source.entriesAt(key), entries)) return false
  for (const [ref, name] of reads.refs) if (source.refName(ref) !== name) return false
  return true
}
