import type { TSchema } from '@sinclair/typebox'

// In `--watch` the loader re-evaluates only the changed modules: every other schema object keeps
// its identity between runs, so work done for it can be kept, keyed by the object. This assumes a
// schema object is not mutated after it is first emitted.

const memos: { clear(): void; rotate(): void }[] = []

/** A map from schema objects to `V`, emptied by `clearSchemaMemos`. */
export interface SchemaMemo<V> {
  get(schema: TSchema): V | undefined
  set(schema: TSchema, value: V): void
}

/** A memo kept for as long as each schema object lives (for small facts of the object alone). */
export function createSchemaMemo<V>(): SchemaMemo<V> {
  let map = new WeakMap<TSchema, V>()
  memos.push({ clear: () => { map = new WeakMap() }, rotate: () => {} })
  return {
    get: (schema) => map.get(schema),
    set: (schema, value) => { map.set(schema, value) },
  }
}

/**
 * A memo that keeps what the last run used and what this run uses, nothing older: a module
 * evaluated anew leaves its old schema objects behind (and the loader may keep those alive), so a
 * WeakMap of large values would grow with every edit.
 */
export function createRunMemo<V>(): SchemaMemo<V> {
  let previous = new Map<TSchema, V>()
  let current = new Map<TSchema, V>()
  memos.push({
    clear: () => { previous = new Map(); current = new Map() },
    rotate: () => { previous = current; current = new Map() },
  })
  return {
    get: (schema) => {
      if (current.has(schema)) return current.get(schema)
      const value = previous.get(schema)
      if (value !== undefined) current.set(schema, value)
      return value
    },
    set: (schema, value) => { current.set(schema, value) },
  }
}

/** Starts a run: what the run before last used and this one has not is forgotten. */
export function startMemoRun(): void {
  for (const memo of memos) memo.rotate()
}

/** Forgets everything memoized by schema identity, so the next emit starts cold (for tests). */
export function clearSchemaMemos(): void {
  for (const memo of memos) memo.clear()
}
