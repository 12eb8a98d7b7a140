import type { TSchema } from '@sinclair/typebox'
import { inFrame, useDeclaration, useHelper } from './code-unit.js'
import type { CodeUnit, Declaration } from './code-unit.js'

// Schema objects that are equal in content but not the same object (every service's own
// `Type.Integer()`, `Type.Optional(Type.String())` and the operators `querySyntax` makes of them)
// get the same code in validators.ts: `declareOnce` names a declaration by its text. Building that
// text again for each of them was most of the emit time at 500 services (a collector was built 21k
// times for 2.7k distinct ones, a TypeBox compile 3.5k times for 2.1k), so within one code unit a
// computation is kept by its schema's structure. Everything the emitters read of a schema is in the
// key (keys in order, TypeBox's registered symbols, values); `$ref`s resolve against the unit's
// references, which do not change during the unit. A schema holding anything else (a function, an
// unregistered symbol, a cycle) is not keyed, and is computed as before.

const UNKEYED = -1

interface Kept {
  value: unknown
  deps: Declaration[]
  helpers: string[]
}

interface State {
  /** Schema object → the number of its structure (UNKEYED when it cannot be keyed). */
  ids: Map<object, number>
  /** Structure text (with inner objects as their numbers) → its number. */
  numbers: Map<string, number>
  kept: Map<string, Kept>
}

const states = new WeakMap<CodeUnit, State>()

/** Registered symbols (TypeBox's `Kind`, `OptionalKind` …) by their key; others cannot be keyed. */
const symbolNames = new Map<symbol, string | undefined>()

function symbolName(key: symbol): string | undefined {
  if (!symbolNames.has(key)) symbolNames.set(key, Symbol.keyFor(key))
  return symbolNames.get(key)
}

/** The number of `node`'s structure in `state`: equal numbers, equal content. */
function structureOf(state: State, node: object): number {
  const known = state.ids.get(node)
  if (known !== undefined) return known
  state.ids.set(node, UNKEYED) // only a cycle meets this before it is replaced
  // Strings are written as their length and the text, so no two structures read the same.
  let text = Array.isArray(node) ? '[' : '{'
  for (const key of Reflect.ownKeys(node)) {
    let name: string
    if (typeof key === 'string') name = key
    else {
      const registered = symbolName(key)
      if (registered === undefined) return UNKEYED
      name = `@${registered}`
    }
    const value = (node as Record<PropertyKey, unknown>)[key]
    let part: string
    switch (typeof value) {
      case 'object': {
        const id = value === null ? -2 : structureOf(state, value)
        if (id === UNKEYED) return UNKEYED
        part = `#${id}`
        break
      }
      case 'string': part = `${value.length}"${value}`; break
      case 'number': part = Object.is(value, -0) ? '-0' : `${value}`; break
      case 'boolean': part = value ? 't' : 'f'; break
      case 'bigint': part = `${value}n`; break
      case 'undefined': part = 'u'; break
      default: return UNKEYED
    }
    text += `${name.length}:${name}${part};`
  }
  let id = state.numbers.get(text)
  if (id === undefined) state.numbers.set(text, id = state.numbers.size)
  state.ids.set(node, id)
  return id
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
 * `compute()` for `schema` under `kind`, or what it returned for a schema of the same structure
 * earlier in this unit; either way the declarations and helpers it needs are recorded in the
 * unit's current computation. `byIdentity`: the result also depends on which places of the
 * schema are one object.
 */
export function memoByStructure<T>(unit: CodeUnit, kind: string, schema: TSchema, compute: () => T, byIdentity = false): T {
  let state = states.get(unit)
  if (state === undefined) states.set(unit, state = { ids: new Map(), numbers: new Map(), kept: new Map() })
  const id = structureOf(state, schema)
  if (id === UNKEYED) return compute()
  const key = byIdentity ? `${kind}:${id}:${sameObjects(schema)}` : `${kind}:${id}`
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
