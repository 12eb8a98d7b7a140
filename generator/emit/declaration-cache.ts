import type { TypeNamePlan, TypeRoot } from './plan-type-names.js'
import { NameReadLog, readsHold, sameEntries } from './name-reads.js'
import type { NameReads } from './name-reads.js'
import { printDeclaration } from './print-declarations.js'
import type { Declaration, PrintedDeclaration } from './print-declarations.js'
import { identityKey } from './schema-reflect.js'
import { createRunMemo } from '../memo/schema-memo.js'
import type { TypeNameRegistry } from './type-name-registry.js'

/** A declaration printed under one name, what building it read of the plan, and the last plan it held for. */
interface Printed {
  name: string
  reads: NameReads
  printed: PrintedDeclaration
  plan: number
}

const printedBySchema = createRunMemo<Printed[]>()

/** The registry of the last plan declarations were printed for, and its number. */
let last: { registry: TypeNameRegistry; plan: number } | undefined

/** The identity keys and `$ref`s whose names differ between two registries (both complete). */
function changes(before: TypeNameRegistry, after: TypeNameRegistry): { keys: Set<unknown>; refs: Set<string> } {
  const keys = new Set<unknown>()
  const refs = new Set<string>()
  const a = before.registered
  const b = after.registered
  for (const [key, entries] of b.byKey) if (!sameEntries(a.byKey.get(key), entries)) keys.add(key)
  for (const key of a.byKey.keys()) if (!b.byKey.has(key)) keys.add(key)
  for (const [ref, name] of b.byRef) if (a.byRef.get(ref) !== name) refs.add(ref)
  for (const ref of a.byRef.keys()) if (!b.byRef.has(ref)) refs.add(ref)
  return { keys, refs }
}

/** Builds `build(root, plan)` while writing down what it reads of the plan. */
function record(root: TypeRoot, plan: TypeNamePlan, build: (root: TypeRoot, plan: TypeNamePlan) => Declaration) {
  const log = new NameReadLog()
  const declaration = build(root, {
    ...plan,
    nameOf: (schema) => {
      const key = identityKey(schema)
      log.key(key, plan.registry.entriesAt(key))
      return plan.registry.lookup(schema, key)
    },
    refName: (ref) => {
      const name = plan.refName(ref)
      log.ref(ref, name)
      return name
    },
  })
  return { reads: log, printed: { interface: declaration.kind === 'interface', text: printDeclaration(declaration) } }
}

/**
 * A printer of declarations for one complete plan: `build(root, plan)`, printed; or the text printed
 * for the same schema object under the same name before, when everything that build read of the
 * plan is unchanged (a verifying trace: `nameOf` answers from the names under the schema's identity
 * key, `refName` from the `$ref`). When the text held for the previous plan, only the keys whose
 * names changed since are checked. `build` must read nothing but the root and the plan's `nameOf`
 * and `refName`; the schema counts as unchanged because it is the same object.
 */
export function createDeclarationPrinter(plan: TypeNamePlan) {
  const number = (last?.plan ?? 0) + 1
  const previous = last
  const changed = previous === undefined ? undefined : changes(previous.registry, plan.registry)
  last = { registry: plan.registry, plan: number }

  const holds = (entry: Printed): boolean => {
    if (changed !== undefined && entry.plan === number - 1 && changed.keys.size + changed.refs.size < entry.reads.keys.size) {
      for (const key of changed.keys) if (entry.reads.keys.has(key)) return false
      for (const ref of changed.refs) if (entry.reads.refs.has(ref)) return false
      return true
    }
    return readsHold(entry.reads, plan.registry)
  }

  return (root: TypeRoot, build: (root: TypeRoot, plan: TypeNamePlan) => Declaration): PrintedDeclaration => {
    const entries = printedBySchema.get(root.schema)
    const hit = entries?.find((entry) => entry.name === root.name)
    if (hit !== undefined && (hit.plan === number || holds(hit))) {
      hit.plan = number
      return hit.printed
    }
    const entry = { name: root.name, ...record(root, plan, build), plan: number }
    // A schema is declared under one name or a few (renames leave old ones behind): keep four.
    printedBySchema.set(root.schema, [...(entries ?? []).filter((other) => other !== hit).slice(-3), entry])
    return entry.printed
  }
}
