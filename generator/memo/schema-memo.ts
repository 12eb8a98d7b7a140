import type { TSchema } from '@sinclair/typebox'

// In `--watch` the loader re-evaluates only the changed modules: every other schema object keeps
// its identity between runs, so work done for it can be kept, keyed by the object. This assumes a
// schema object is not mutated after it is first emitted. Shared by the model stage and the
// emitters, so it belongs to neither.

/** What every memo registers, so runs can be started and everything cleared from one place. */
interface Registered {
  clear(): void
  /** Entries held now (the last run's and this run's). */
  size(): number
}

const memos: Registered[] = []
/** The current run; memos rotate when they are first used in a new one. */
let run = 0

/** A map from schema objects (or other model objects kept between runs) to `V`, emptied by `clearSchemaMemos`. */
export interface SchemaMemo<V, K extends object = TSchema> {
  get(key: K): V | undefined
  set(key: K, value: V): void
  /** The value kept for `key`, or `compute(key)`, kept. */
  use(key: K, compute: (key: K) => V): V
  /** Forgets this memo's entries. */
  clear(): void
}

/** A memo's own storage; `withUse` makes it a `SchemaMemo` and registers it. */
interface Storage<V, K extends object> extends Registered {
  get(key: K): V | undefined
  set(key: K, value: V): void
}

/** `use` over a memo's `get` and `set`; the memo is registered for `clearSchemaMemos` and `runMemoEntries`. */
function withUse<V, K extends object>(storage: Storage<V, K>): SchemaMemo<V, K> {
  memos.push(storage)
  return {
    get: storage.get,
    set: storage.set,
    clear: storage.clear,
    use: (key, compute) => {
      let value = storage.get(key)
      if (value === undefined) {
        value = compute(key)
        storage.set(key, value)
      }
      return value
    },
  }
}

/**
 * A memo kept for as long as each schema object lives, for small facts of the object alone: the
 * loader may keep old schema objects alive, so this grows a little with every edit in `--watch`.
 */
export function createSchemaMemo<V>(): SchemaMemo<V> {
  let map = new WeakMap<TSchema, V>()
  return withUse({
    get: (schema) => map.get(schema),
    set: (schema, value) => { map.set(schema, value) },
    clear: () => { map = new WeakMap() },
    size: () => 0,
  })
}

/**
 * A memo that keeps what the last run that used it used and what this run uses, nothing older: a
 * module evaluated anew leaves its old schema objects behind (and the loader keeps those alive),
 * so a WeakMap would grow with every edit. An entry found from the last run is carried into this
 * one, so whatever each run asks for stays. A memo rotates when a run first uses it, so a run that
 * stops before a stage (schema problems) does not make the next run start that stage cold.
 */
export function createRunMemo<V, K extends object = TSchema>(): SchemaMemo<V, K> {
  let previous = new Map<K, V>()
  let current = new Map<K, V>()
  let usedIn = run
  const rotate = () => {
    if (usedIn === run) return
    usedIn = run
    previous = current
    current = new Map()
  }
  return withUse({
    get: (key) => {
      rotate()
      // `undefined` is never kept (`use` takes it for absent), so one lookup tells.
      let value = current.get(key)
      if (value !== undefined) return value
      value = previous.get(key)
      if (value !== undefined) current.set(key, value)
      return value
    },
    set: (key, value) => {
      rotate()
      current.set(key, value)
    },
    clear: () => { previous = new Map(); current = new Map() },
    size: () => previous.size + current.size,
  })
}

/** Starts a run (once per `generate`): what the run before last used and this one does not is forgotten. */
export function startMemoRun(): void {
  run++
}

/** Forgets everything memoized by schema identity, so the next run starts cold (for tests). */
export function clearSchemaMemos(): void {
  for (const memo of memos) memo.clear()
}

/** How many entries the run memos hold (an entry kept by two runs counts twice): for tests that bound it. */
export function runMemoEntries(): number {
  return memos.reduce((sum, memo) => sum + memo.size(), 0)
}
