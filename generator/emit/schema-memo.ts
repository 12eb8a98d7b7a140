import type { TSchema } from '@sinclair/typebox'

// In `--watch` the loader re-evaluates only the changed modules: every other schema object keeps
// its identity between runs, so work done for it can be kept in a WeakMap keyed by the object
// (and is dropped with it). This assumes a schema object is not mutated after it is first emitted.

const memos: { clear(): void }[] = []

/** A WeakMap from schema objects to `V`, emptied by `clearSchemaMemos`. */
export interface SchemaMemo<V> {
  get(schema: TSchema): V | undefined
  set(schema: TSchema, value: V): void
}

/** A new memo keyed by schema identity. */
export function createSchemaMemo<V>(): SchemaMemo<V> {
  let map = new WeakMap<TSchema, V>()
  memos.push({ clear: () => { map = new WeakMap() } })
  return {
    get: (schema) => map.get(schema),
    set: (schema, value) => { map.set(schema, value) },
  }
}

/** Forgets everything memoized by schema identity, so the next emit starts cold (for tests). */
export function clearSchemaMemos(): void {
  for (const memo of memos) memo.clear()
}
