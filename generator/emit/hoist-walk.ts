import type { TSchema } from '@sinclair/typebox'
import { pascalCase } from '../model/pascal-case.js'
import { NameReadLog, readsHold } from './name-reads.js'
import type { NameReads } from './name-reads.js'
import type { TypeRoot } from './plan-type-names.js'
import { childSegment, schemaChildren } from './schema-children.js'
import type { SchemaChild } from './schema-children.js'
import { identityKey, isQueryFilter, isRecursive } from './schema-reflect.js'
import { holdsHoistable } from './schema-facts.js'
import { createRunMemo } from '../memo/schema-memo.js'
import type { TypeNameRegistry } from './type-name-registry.js'

/**
 * A nested schema the walk declared on its own. Its name is `target` (from a `Type.Ref`'s `$id`)
 * or else its owner's name (the root's for -1, else the hoist at that index) followed by `suffix`,
 * made unique among the names taken when it is registered.
 */
interface Hoist {
  schema: TSchema
  owner: number
  target: string
  suffix: string
}

/**
 * A root's walk: what it read of the names registered before it (its own hoists left out), which
 * `$id`s it asked to be `Type.Ref` targets, and what it hoisted, in order. The walk's every
 * decision follows from the reads and its own hoists, so equal reads mean the same hoists.
 */
interface Walked {
  reads: NameReads
  targets: [string, boolean][]
  hoists: Hoist[]
}

// The last walk of each root schema. Checking it costs a lookup per distinct key instead of a walk
// over every node; a root whose module was re-evaluated is a new object and is walked anew.
const walks = createRunMemo<Walked>()

interface Context {
  root: TypeRoot
  registry: TypeNameRegistry
  hoisted: TypeRoot[]
  names: string[]
}

function apply(context: Context, hoist: Hoist) {
  const owner = hoist.owner < 0 ? context.root.name : context.names[hoist.owner]
  const name = context.registry.unique(hoist.target || `${owner}${hoist.suffix}`)
  context.names.push(name)
  context.hoisted.push({ name, schema: hoist.schema })
  return context.registry.register(name, hoist.schema)
}

/** The walk itself (see `planTypeNames`), writing down what it reads and hoists. */
function walk(context: Context, targets: ReadonlySet<string>): Walked {
  const { registry } = context
  const log = new NameReadLog()
  const asked = new Map<string, boolean>()
  const hoists: Hoist[] = []
  const own = new Set<TypeRoot>()
  const ownRefs = new Set<string>()
  const isTarget = (id: string) => {
    const answer = targets.has(id)
    asked.set(id, answer)
    return answer
  }
  const hasRef = (id: string) => {
    // A `$id` one of this walk's own hoists took was free before the walk.
    log.ref(id, ownRefs.has(id) ? undefined : registry.refName(id))
    return registry.hasRef(id)
  }
  // `path` holds the children from the owner down; a name is only built when one is hoisted.
  const visit = (schema: TSchema, owner: number, path: SchemaChild[], seen: Set<TSchema>): void => {
    for (const child of schemaChildren(schema)) {
      // Nothing below can be hoisted, named or not: the walk would change nothing there.
      if (seen.has(child.schema) || !holdsHoistable(child.schema)) continue
      const key = identityKey(child.schema)
      const entries = registry.entriesAt(key)
      log.key(key, own.size === 0 || entries === undefined ? entries : entries.filter((entry) => !own.has(entry)))
      if (registry.lookup(child.schema, key) !== undefined) continue
      const id = child.schema.$id
      const target = typeof id === 'string' && isTarget(id) && !hasRef(id)
      // A querySyntax filter sits in both `$or` and `$and`: declared once, it halves a query type.
      const filter = isQueryFilter(child.schema)
      if (isRecursive(child.schema) || target || filter) {
        const hoist: Hoist = {
          schema: child.schema, owner,
          target: target ? pascalCase(id as string) : '',
          suffix: filter ? 'Filter' : [...path, child].map(childSegment).join(''),
        }
        hoists.push(hoist)
        const registration = apply(context, hoist)
        own.add(registration.entry)
        if (registration.ref !== undefined) ownRefs.add(registration.ref)
        visit(child.schema, hoists.length - 1, [], new Set([child.schema]))
      } else {
        seen.add(child.schema)
        path.push(child)
        visit(child.schema, owner, path, seen)
        path.pop()
        seen.delete(child.schema)
      }
    }
  }
  visit(context.root.schema, -1, [], new Set([context.root.schema]))
  return { reads: log, targets: [...asked], hoists }
}

/**
 * Walks one root for nested schemas that need a declaration of their own, registering them and
 * appending them to `hoisted`. A root walked before is not walked again when everything its last
 * walk read is unchanged: its hoists are then registered again, in the same order.
 */
export function hoistWithin(root: TypeRoot, registry: TypeNameRegistry, targets: ReadonlySet<string>, hoisted: TypeRoot[]): void {
  const context: Context = { root, registry, hoisted, names: [] }
  const last = walks.get(root.schema)
  if (last !== undefined && last.targets.every(([id, answer]) => targets.has(id) === answer) && readsHold(last.reads, registry)) {
    for (const hoist of last.hoists) apply(context, hoist)
    return
  }
  walks.set(root.schema, walk(context, targets))
}
