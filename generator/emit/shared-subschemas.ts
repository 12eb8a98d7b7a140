import { Kind, OptionalKind } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { schemaKind } from './schema-reflect.js'

// TypeBox's compiler inlines a sub-schema at every place it occurs. `querySyntax` puts one filter
// object at the top of a query, in every `$or` item and in both `$and` variants, and one operator
// object per property in the query and in that filter: inlined, a 6-property query check was
// 20 KB on one line, most of validators.ts. So an object sub-schema met more than once (the same
// object) is checked by a declaration of its own, `check_<hash>`, which every place calls — and
// which every service with the same operators (every `Type.Integer()` field) shares.
//
// The compiler is told so through its hoisting: a sub-schema with an `$id` becomes a local
// function `check_<$id>` called wherever it occurs. Each repeated object is replaced by a `Never`
// carrying the hash of its declaration as `$id`; the compiler writes the call to `check_<hash>` and
// a local stub returning `false`, which is removed, so the call reaches the declaration.

type Node = Record<PropertyKey, unknown>

/**
 * A test of whether a value, or anything it holds (inside the objects `enters` lets it into),
 * `matches`; each object is answered once (a cycle answers false).
 */
function deepTest(matches: (node: object) => boolean, enters: (node: object) => boolean = () => true): (node: unknown) => boolean {
  const known = new Map<object, boolean>()
  const test = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return false
    const answer = known.get(node)
    if (answer !== undefined) return answer
    known.set(node, false)
    const result = matches(node) || (enters(node) && Object.values(node).some(test))
    known.set(node, result)
    return result
  }
  return test
}

/**
 * Object sub-schemas of `schema` that occur more than once (by identity), the root excluded;
 * never one inside an `Intersect` (the compiler reads its parts' keys), an `Import` (resolved by
 * key), or one holding a `This` (it calls the recursive root's local function).
 */
export function repeatedObjects(schema: TSchema): Set<object> {
  const seen = new Set<object>()
  const repeated = new Set<object>()
  const hasThis = deepTest((node) => schemaKind(node as TSchema) === 'This')
  const visit = (node: unknown, isRoot: boolean): void => {
    if (typeof node !== 'object' || node === null) return
    const kind = schemaKind(node as TSchema)
    if (kind === 'Import' || kind === 'Intersect') return
    if (!isRoot && kind === 'Object' && typeof (node as Node)['$id'] !== 'string') {
      // A second visit is a call of the shared check: its inside is emitted once.
      if (seen.has(node) && (repeated.has(node) || !hasThis(node))) { repeated.add(node); return }
      seen.add(node)
    }
    for (const value of Object.values(node)) visit(value, false)
  }
  visit(schema, true)
  return repeated
}

/**
 * A copy of `schema` where each object of `shared` below the root is a stub the compiler turns
 * into a call of `nameOf(object)` (a `check_<hash>` name); `schema` itself when none occurs.
 * Returns the stubs' `$id`s too, whose local functions `removeStubs` takes out.
 */
export function withSharedChecks(schema: TSchema, shared: ReadonlySet<object>, nameOf: (object: TSchema) => string): { schema: TSchema; stubs: string[] } {
  if (shared.size === 0) return { schema, stubs: [] }
  const stubs: string[] = []
  const copies = new Map<object, unknown>()
  const contains = deepTest((node) => shared.has(node), (node) => {
    const kind = schemaKind(node as TSchema)
    return kind !== 'Import' && kind !== 'Intersect'
  })
  const copy = (node: unknown, isRoot: boolean): unknown => {
    if (typeof node !== 'object' || node === null || !contains(node)) return node
    const known = copies.get(node)
    if (known !== undefined) return known
    let out: Node
    if (!isRoot && shared.has(node)) {
      const id = nameOf(node as TSchema).replace(/^check_/, '')
      stubs.push(id)
      out = { [Kind]: 'Never', $id: id }
      const optional = (node as Node)[OptionalKind]
      if (optional !== undefined) out[OptionalKind] = optional
    } else {
      out = Array.isArray(node) ? ([] as unknown as Node) : {}
      for (const key of Reflect.ownKeys(node)) out[key] = copy((node as Node)[key], false)
    }
    copies.set(node, out)
    return out
  }
  return { schema: copy(schema, true) as TSchema, stubs }
}

/** `code` without the compiler's local functions for `stubs`; fails loudly if one has another form. */
export function removeStubs(code: string, stubs: readonly string[]): string {
  let out = code
  for (const id of new Set(stubs)) {
    const stub = `function check_${id}(value: any): boolean {\n  return (\n    false\n  )\n}\n`
    if (out.includes(stub)) out = out.replace(stub, '')
    // Not emitted (a place the compiler never checks): nothing shadows the declaration. In
    // another form: a local function would answer instead of the declaration, so stop.
    else if (out.includes(`function check_${id}(`)) throw new Error(`feathers-sio-gen internal error: TypeBox's code for a shared check (${id}) has an unexpected form`)
  }
  return out
}
