import type { TSchema } from '@sinclair/typebox'

// In `--watch` the loader re-evaluates only the changed modules: every other schema object keeps
// its identity between runs, so work done for it can be kept, keyed by the object. This assumes a
// schema object is not mutated after it is first emitted.

const memos: { clear(): void; rotate(): void }[] = []

/** A map from schema objects (or other model objects kept between runs) to `V`, emptied by `clearSchemaMemos`. */
export interface SchemaMemo<V, K extends object = TSchema> {
  get(key: K): V | undefined
  set(key: K, value: V): void
  /** The value kept for `key`, or `compute(key)`, kept. */
  use(key: K, compute: (key: K) => V): V
}

/** `use` over a memo's `get` and `set`. */
function withUse<V, K extends object>(memo: Omit<SchemaMemo<V, K>, 'use'>): SchemaMemo<V, K> {
  return {
    ...memo,
    use: (key, compute) => {
      let value = memo.get(key)
      if (value === undefined) {
        value = compute(key)
        memo.set(key, value)
      }
      return value
    },
  }
}

/** A memo kept for as long as each schema object lives (for small facts of the object alone). */
export function createSchemaMemo<V>(): SchemaMemo<V> {
  let map = new WeakMap<TSchema, V>()
  memos.push({ clear: () => { map = new WeakMap() }, rotate: () => {} })
  return withUse({
    get: (schema) => map.get(schema),
    set: (schema, value) => { map.set(schema, value) },
  })
}

/**
 * A memo that keeps what the last run used and what this run uses, nothing older: a module
 * evaluated anew leaves its old schema objects behind (and the loader may keep those alive), so a
 * WeakMap of large values would grow with every edit.
 */
export function createRunMemo<V, K extends object = TSchema>(): SchemaMemo<V, K> {
  let previous = new Map<K, V>()
  let current = new Map<K, V>()
  memos.push({
    clear: () => { previous = new Map(); current = new Map() },
    rotate: () => { previous = current; current = new Map() },
  })
  return withUse({
    get: (key) => {
      if (current.has(key)) return current.get(key)
      const value = previous.get(key)
      if (value !== undefined) current.set(key, value)
      return value
    },
    set: (key, value) => { current.set(key, value) },
  })
}

/** Starts a run: what the run before last used and this one has not is forgotten. */
export function startMemoRun(): void {
  for (const memo of memos) memo.rotate()
}

/** Forgets everything memoized by schema identity, so the next emit starts cold (for tests). */
export function clearSchemaMemos(): void {
  for (const memo of memos) memo.clear()
}
