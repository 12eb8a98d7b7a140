import { createHash } from 'node:crypto'
import { Kind, OptionalKind, ReadonlyKind } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'

// What names a declaration in validators.ts: a short hash of what it was made from, so a
// service's code reads the same whatever else is in the file, and can be reused as it is.

/** TypeBox's symbol keys that change what a schema accepts; `JSON.stringify` would drop them. */
const SYMBOLS: ReadonlyArray<readonly [symbol, string]> = [[Kind, '@kind'], [OptionalKind, '@optional'], [ReadonlyKind, '@readonly']]

/** The SHA-256 of `text` in hex: its first 10 digits name a declaration, all 64 tell two apart. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function write(node: unknown, out: string[], active: Set<object>): void {
  if (typeof node === 'bigint') { out.push(`${node}n`); return }
  if (typeof node === 'function' || typeof node === 'symbol') { out.push(`"<${typeof node}>"`); return }
  if (typeof node !== 'object' || node === null) { out.push(JSON.stringify(node) ?? 'undefined'); return }
  if (active.has(node)) { out.push('"<cycle>"'); return }
  active.add(node)
  if (Array.isArray(node)) {
    out.push('[')
    node.forEach((item, index) => { if (index > 0) out.push(','); write(item, out, active) })
    out.push(']')
  } else {
    out.push('{')
    const record = node as Record<PropertyKey, unknown>
    // Key order is kept: it is the order the emitted code checks properties in.
    for (const [symbol, label] of SYMBOLS) if (record[symbol] !== undefined) { out.push(JSON.stringify(label), ':'); write(record[symbol], out, active); out.push(',') }
    for (const key of Object.keys(record)) {
      if (record[key] === undefined) continue
      out.push(JSON.stringify(key), ':')
      write(record[key], out, active)
      out.push(',')
    }
    out.push('}')
  }
  active.delete(node)
}

/** A canonical text of `schema`: its JSON, TypeBox's kind and modifiers, and `$id`, in key order. */
export function schemaFingerprint(schema: TSchema): string {
  const out: string[] = []
  write(schema, out, new Set())
  return out.join('')
}
