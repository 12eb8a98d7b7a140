import type { TSchema } from '@sinclair/typebox'
import { createRunMemo } from '../memo/schema-memo.js'
import type { Diagnostic } from './model.js'
import { identityKey } from './typebox-kind.js'

/** What a check of one schema may ask about the folder as a whole. */
export interface FolderFacts {
  /** True for a sub-schema checked elsewhere (a named schema), which the check does not enter. */
  skip: (schema: TSchema) => boolean
  /** True for a `$id` some schema of the folder carries. */
  hasId: (id: string) => boolean
}

/** The folder a check runs in: its named schemas (what `skip` is made from) and its facts. */
export interface Folder extends FolderFacts {
  named: ReadonlySet<TSchema>
}

/** A remembered result, the folder it was last valid in, and what it asked of the folder. */
interface Remembered {
  named: ReadonlySet<TSchema>
  /** `identityKey` of every schema `skip` was asked about: only named schemas with one of these keys can change an answer. */
  askedKeys: Set<unknown>
  ids: Map<string, boolean>
  diagnostics: Diagnostic[]
}

// Schema object → (where it was checked → result). Schemas are immutable once their module has
// run, and `--watch` keeps the objects of every module it did not evaluate again, so an unchanged
// schema is answered from here instead of walked again. Run memos: the loader keeps the old
// objects of a module evaluated anew alive, and a WeakMap keyed by them would never let go.
const remembered = createRunMemo<Map<string, Remembered>>()

// Folder → (an earlier folder's named schemas → the identity keys of the named schemas either has and the other not).
const changedKeys = new WeakMap<Folder, WeakMap<ReadonlySet<TSchema>, Set<unknown>>>()

function keysChangedSince(folder: Folder, earlier: ReadonlySet<TSchema>): Set<unknown> {
  const byEarlier = changedKeys.get(folder) ?? new WeakMap<ReadonlySet<TSchema>, Set<unknown>>()
  changedKeys.set(folder, byEarlier)
  let keys = byEarlier.get(earlier)
  if (keys === undefined) {
    keys = new Set()
    for (const schema of earlier) if (!folder.named.has(schema)) keys.add(identityKey(schema))
    for (const schema of folder.named) if (!earlier.has(schema)) keys.add(identityKey(schema))
    byEarlier.set(earlier, keys)
  }
  return keys
}

/** True when every question the remembered check asked gets the same answer in `folder`. */
function stillHolds(known: Remembered, folder: Folder): boolean {
  for (const [id, answer] of known.ids) if (folder.hasId(id) !== answer) return false
  if (known.named === folder.named) return true
  for (const key of keysChangedSince(folder, known.named)) if (known.askedKeys.has(key)) return false
  return true
}

/**
 * `check(facts)` for `schema`, or its remembered result when the same schema was checked at the
 * same place (`at`) before and every question that check asked of the folder still gets the same
 * answer: no named schema it could be skipped as appeared or went, no `$id` it looked for changed.
 */
export function rememberCheck(schema: TSchema, at: string, folder: Folder, check: (facts: FolderFacts) => Diagnostic[]): Diagnostic[] {
  const byPlace = remembered.use(schema, () => new Map<string, Remembered>())
  const known = byPlace.get(at)
  if (known !== undefined && stillHolds(known, folder)) {
    known.named = folder.named
    return known.diagnostics
  }
  const entry: Remembered = { named: folder.named, askedKeys: new Set(), ids: new Map(), diagnostics: [] }
  entry.diagnostics = check({
    skip: (s) => {
      entry.askedKeys.add(identityKey(s))
      return folder.skip(s)
    },
    hasId: (id) => {
      const answer = folder.hasId(id)
      entry.ids.set(id, answer)
      return answer
    },
  })
  byPlace.set(at, entry)
  return entry.diagnostics
}

const idsOf = createRunMemo<readonly string[]>()

/** The `$id`s inside a schema, computed once per schema object. */
export function rememberIds(schema: TSchema, collect: (schema: TSchema) => readonly string[]): readonly string[] {
  return idsOf.use(schema, collect)
}
