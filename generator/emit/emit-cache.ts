import type { TSchema } from '@sinclair/typebox'
import { createRunMemo } from '../memo/schema-memo.js'
import { inFrame, useDeclaration, useHelper } from './code-unit.js'
import type { CodeUnit, Declaration } from './code-unit.js'

// What validators.ts's emitters computed for a schema object, kept across runs. In `--watch` the
// loader re-evaluates only the changed schema module: every other schema object keeps its
// identity, so its check (a TypeBox compile), collector, cleaner, shape check and coercion plan
// are reused, not rebuilt. Schemas are never mutated after they are built, so identity stands
// for content; what a schema's code also depends on is the schemas its `$ref`s resolve to, which
// are recorded and compared. Run memos, not WeakMaps: the loader keeps the old schema objects of a
// module evaluated anew alive, so a WeakMap would keep one service's code per edit for good.

interface Entry {
  value: unknown
  /** The other schemas the value was computed from, by identity. */
  also: readonly TSchema[]
  deps: Declaration[]
  helpers: string[]
  /** `$id` → the schema it resolved to (or undefined) when the entry was made. */
  refs: ReadonlyArray<readonly [string, TSchema | undefined]>
  /** The entries `compute` itself went through, by schema: they live as long as this one (see `revive`). */
  inner: ReadonlyMap<TSchema, Map<string, Entry>>
}

const cache = createRunMemo<Map<string, Entry>>()
/** Every `$ref` inside a schema object (not following them), by object. */
const refsInside = createRunMemo<readonly string[], object>()
const NONE: readonly string[] = []
const NO_REFS: ReadonlyArray<readonly [string, TSchema | undefined]> = []
const NO_INNER: ReadonlyMap<TSchema, Map<string, Entry>> = new Map()
/** For each `compute` under way, innermost last: the entries it has gone through so far. */
const computing: Array<Map<TSchema, Map<string, Entry>>> = []

/** Forgets everything computed so far (tests compare against a cache-free emit). */
export function resetEmitCache(): void {
  cache.clear()
  refsInside.clear()
}

function directRefs(node: unknown): readonly string[] {
  if (typeof node !== 'object' || node === null) return NONE
  const known = refsInside.get(node)
  if (known !== undefined) return known
  refsInside.set(node, NONE) // schemas are trees; this only guards against a cycle
  const record = node as Record<string, unknown>
  let found: string[] | undefined = typeof record['$ref'] === 'string' ? [record['$ref']] : undefined
  for (const key of Object.keys(record)) {
    const inner = directRefs(record[key])
    if (inner.length === 0) continue
    found ??= []
    for (const ref of inner) if (!found.includes(ref)) found.push(ref)
  }
  const result = found ?? NONE
  refsInside.set(node, result)
  return result
}

/** Every `$ref` reachable from `schema` through `references`, with what each resolves to. */
function refsOf(schema: TSchema, references: ReadonlyMap<string, TSchema>): ReadonlyArray<readonly [string, TSchema | undefined]> {
  if (directRefs(schema).length === 0) return NO_REFS
  const out: Array<[string, TSchema | undefined]> = []
  const seen = new Set<string>()
  const stack = [...directRefs(schema)]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    const target = references.get(id)
    out.push([id, target])
    if (target !== undefined) stack.push(...directRefs(target))
  }
  return out
}

/** True when `entry` was computed from the schemas `also` (by identity) and its `$ref`s resolve as then. */
function fits(unit: CodeUnit, entry: Entry, also: readonly TSchema[]): boolean {
  return entry.also.length === also.length && entry.also.every((schema, index) => schema === also[index])
    && entry.refs.every(([id, target]) => unit.references.get(id) === target)
}

/**
 * `compute()` for `schema` (and the schemas `also`) under `kind`, or what it returned for the same
 * schema objects before (with the same `$ref` targets); either way the declarations and helpers it
 * needs are recorded in the unit's current computation.
 */
export function memoize<T>(unit: CodeUnit, kind: string, schema: TSchema, compute: () => T, also: readonly TSchema[] = []): T {
  let entries = cache.get(schema)
  const hit = entries?.get(kind)
  if (hit !== undefined && fits(unit, hit, also)) {
    computing.at(-1)?.set(schema, entries!)
    for (const helper of hit.helpers) useHelper(unit, helper)
    for (const dep of hit.deps) useDeclaration(unit, dep)
    return hit.value as T
  }
  if (hit !== undefined) revive(hit, new Set())
  const inner = new Map<TSchema, Map<string, Entry>>()
  computing.push(inner)
  let computed: ReturnType<typeof inFrame<T>>
  try {
    computed = inFrame(unit, compute)
  } finally {
    computing.pop()
  }
  const { value, frame } = computed
  const refs = !unit.hasRefs ? NO_REFS : [schema, ...also].flatMap((root) => refsOf(root, unit.references))
  const entry: Entry = { value, also, deps: frame.deps, helpers: frame.helpers, refs, inner: inner.size === 0 ? NO_INNER : inner }
  entries = cache.get(schema)
  if (entries === undefined) cache.set(schema, entries = new Map([[kind, entry]]))
  else entries.set(kind, entry)
  computing.at(-1)?.set(schema, entries)
  for (const helper of entry.helpers) useHelper(unit, helper)
  for (const dep of entry.deps) useDeclaration(unit, dep)
  return value
}

/**
 * Puts back the entries a stale entry was computed through. A run that reuses an entry whole
 * does not look at them, so the run memo lets them go; they are needed again only when the entry
 * goes stale (a `$ref` target of its schema changed), and then most of them still fit. Reviving
 * costs nothing on the common path, where keeping them used in every run would.
 */
function revive(entry: Entry, seen: Set<Entry>): void {
  if (seen.has(entry)) return
  seen.add(entry)
  for (const [schema, kinds] of entry.inner) {
    if (cache.get(schema) === undefined) cache.set(schema, kinds)
    for (const inner of kinds.values()) revive(inner, seen)
  }
}
