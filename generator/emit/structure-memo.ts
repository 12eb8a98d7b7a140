import type { TSchema } from '@sinclair/typebox'
import { inFrame, useDeclaration, useHelper } from './code-unit.js'
import type { CodeUnit, Declaration } from './code-unit.js'

// Schema objects that are equal in content but not the same object (every service's own
// `Type.Integer()`, `Type.Optional(Type.String())` and the operators `querySyntax` makes of them)
// get the same code in validators.ts: `declareOnce` names a declaration by its text. Building that
// text again for each of them was most of the emit time at 500 services (a collector was built 21k
// times for 2.7k distinct ones, a TypeBox compile 3.5k times for 2.1k), so within one code unit a
// computation is kept by its schema's structure. The structure is everything the emitters can read
// of a schema: its keys in order (TypeBox's symbols too) and their values, inner objects by their
// structure, anything else (a function, a symbol) by identity. `$ref`s resolve against the unit's
// references, which do not change during the unit.

const UNKEYED = -1

interface Kept {
  value: unknown
  deps: Declaration[]
  helpers: string[]
}

/**
 * One step of reading a structure: an own key, then its value (a primitive, or the inner object's
 * structure, its last step), …, then `END`. The same steps lead to the same step, which numbers
 * the structure.
 */
interface Step {
  next: Map<unknown, Step> | undefined
  id: number
}

const END = Symbol('end')
const NEGATIVE_ZERO = Symbol('-0') // a Map cannot tell -0 from 0
/** Deeper than any schema: a cycle reaches it, and what holds the cycle is not keyed. */
const MAX_DEPTH = 1000
/** What `ids` holds for an object that is not keyed: a cycle is followed down once, not again from each object holding it. */
const UNKEYABLE: Step = { next: undefined, id: UNKEYED }

interface State {
  /** Schema object → its structure's last step. */
  ids: Map<object, Step>
  objects: Step
  arrays: Step
  count: number
  kept: Map<string, Kept>
  /** `kind:number` → the schemas (with which of their places are one object) kept under it. */
  sharing: Map<string, { root: object; places: string | undefined }[]>
}

const states = new WeakMap<CodeUnit, State>()

function step(from: Step, key: unknown): Step {
  from.next ??= new Map()
  let to = from.next.get(key)
  if (to === undefined) from.next.set(key, to = { next: undefined, id: UNKEYED })
  return to
}

/** The last step of `node`'s structure in `state` (equal steps, equal content), or undefined for a cycle. */
function structureOf(state: State, node: object, depth = 0): Step | undefined {
  const known = state.ids.get(node)
  if (known !== undefined) return known === UNKEYABLE ? undefined : known
  if (depth > MAX_DEPTH) return undefined
  let at = Array.isArray(node) ? state.arrays : state.objects
  for (const key of Reflect.ownKeys(node)) {
    at = step(at, key)
    const value = (node as Record<PropertyKey, unknown>)[key]
    if (typeof value === 'object' && value !== null) {
      const inner = structureOf(state, value, depth + 1)
      if (inner === undefined) {
        state.ids.set(node, UNKEYABLE)
        return undefined
      }
      at = step(at, inner)
    } else {
      at = step(at, Object.is(value, -0) ? NEGATIVE_ZERO : value)
    }
  }
  at = step(at, END)
  if (at.id === UNKEYED) at.id = state.count++
  state.ids.set(node, at)
  return at
}

/**
 * Which objects of `root` are the same object, in a depth-first walk: the structure numbers say
 * what the tree holds, this says which of its places are one object (TypeBox's compiler output
 * depends on it, see shared-subschemas.ts).
 */
function sameObjects(root: object): string {
  const order = new Map<object, number>([[root, 0]])
  const marks: string[] = []
  const visit = (node: object): void => {
    for (const key of Reflect.ownKeys(node)) {
      const value = (node as Record<PropertyKey, unknown>)[key]
      if (typeof value !== 'object' || value === null) continue
      const at = order.get(value)
      if (at !== undefined) marks.push(`${order.size}>${at}`)
      else {
        order.set(value, order.size)
        visit(value)
      }
    }
  }
  visit(root)
  return marks.join(',')
}

/**
 * Where a computation for `schema` is kept when it depends on which places are one object: beside
 * the schemas of the same structure whose places are one object alike (compared only when there is
 * more than one, most roots are alone).
 */
function placeBySharing(state: State, key: string, schema: object): string {
  let group = state.sharing.get(key)
  if (group === undefined) state.sharing.set(key, group = [])
  let places: string | undefined
  for (const [index, other] of group.entries()) {
    if (other.root === schema) return `${key}/${index}`
    other.places ??= sameObjects(other.root)
    places ??= sameObjects(schema)
    if (other.places === places) return `${key}/${index}`
  }
  group.push({ root: schema, places })
  return `${key}/${group.length - 1}`
}

/**
 * `compute()` for `schema` under `kind`, or what it returned for a schema of the same structure
 * earlier in this unit; either way the declarations and helpers it needs are recorded in the
 * unit's current computation. `byIdentity`: the result also depends on which places of the
 * schema are one object.
 */
export function memoByStructure<T>(unit: CodeUnit, kind: string, schema: TSchema, compute: () => T, byIdentity = false): T {
  let state = states.get(unit)
  if (state === undefined) {
    state = { ids: new Map(), objects: { next: undefined, id: UNKEYED }, arrays: { next: undefined, id: UNKEYED }, count: 0, kept: new Map(), sharing: new Map() }
    states.set(unit, state)
  }
  const id = structureOf(state, schema)?.id
  if (id === undefined) return compute() // a cycle
  const key = byIdentity ? placeBySharing(state, `${kind}:${id}`, schema) : `${kind}:${id}`
  let kept = state.kept.get(key)
  if (kept === undefined) {
    const { value, frame } = inFrame(unit, compute)
    kept = { value, deps: frame.deps, helpers: frame.helpers }
    state.kept.set(key, kept)
  }
  for (const helper of kept.helpers) useHelper(unit, helper)
  for (const dep of kept.deps) useDeclaration(unit, dep)
  return kept.value as T
}
