import { narrows, widens } from './change.js'
import type { SchemaChange } from './change.js'
import { baseType, branchesOf, describeShape, schemaMap } from './schema-shape.js'
import type { Resolver, Shape } from './schema-shape.js'

/** Compares two resolved schemas (a `compare-schemas` step handed in, to recurse with). */
export type CompareStep = (a: Shape, b: Shape, path: string) => SchemaChange[]

/**
 * Unions, enums and nullability: the alternatives of each side are matched (a literal by its
 * value, an object by its literal-valued properties — the discriminator —, anything else by its
 * type, `integer` with `number`); an alternative only the old side has was removed (narrows), one
 * only the new side has was added (widens), matched ones are compared in depth. `X` → `X | null`
 * is a `null` alternative added: becoming nullable.
 */
export function compareUnion(a: Shape, b: Shape, path: string, resolve: { old: Resolver; new: Resolver }, step: CompareStep): SchemaChange[] {
  const before = keyed(branchesOf(a, resolve.old))
  const after = keyed(branchesOf(b, resolve.new))
  const changes: SchemaChange[] = []
  for (const [key, branch] of before) {
    const match = after.get(key)
    if (match === undefined) changes.push({ path, message: removed(branch), ...narrows })
    else changes.push(...step(branch, match, path))
  }
  for (const [key, branch] of after) {
    if (!before.has(key)) changes.push({ path, message: added(branch), ...widens })
  }
  return changes
}

function removed(branch: Shape): string {
  if (branch['type'] === 'null' || branch['const'] === null) return 'no longer nullable (null removed)'
  return 'const' in branch ? `value ${describeShape(branch)} removed` : `union alternative ${describeShape(branch)} removed`
}

function added(branch: Shape): string {
  if (branch['type'] === 'null' || branch['const'] === null) return 'becomes nullable (null added)'
  return 'const' in branch ? `value ${describeShape(branch)} added` : `union alternative ${describeShape(branch)} added`
}

/** Alternatives by match key; twins on one side are told apart by their position among twins. */
function keyed(branches: readonly Shape[]): Map<string, Shape> {
  const map = new Map<string, Shape>()
  for (const branch of branches) {
    const base = matchKey(branch)
    let key = base
    for (let n = 2; map.has(key); n += 1) key = `${base}#${n}`
    map.set(key, branch)
  }
  return map
}

function matchKey(branch: Shape): string {
  if ('const' in branch) return `const:${JSON.stringify(branch['const'])}`
  const type = baseType(branch)
  if (type !== 'object') return `type:${type}`
  const tags = Object.entries(schemaMap(branch, 'properties'))
    .filter(([, property]) => 'const' in property)
    .map(([name, property]) => `${name}=${JSON.stringify(property['const'])}`)
    .sort()
  return `object:${tags.join(',')}`
}
