import type { Change } from './change.js'

/**
 * A `querySyntax` query repeats each property under every operator (`$gt`, `$in`, …), in `$sort`,
 * `$select`, and inside `$or`/`$and`; one edit to a property would otherwise be one line per
 * place. Changes to the same property (its path without `$` segments) with the same message and
 * verdict become one line at the plainest path, naming the other places.
 */
export function collapseQueryChanges(changes: readonly Change[]): Change[] {
  const groups = new Map<string, Change[]>()
  const order: string[] = []
  for (const change of changes) {
    const key = JSON.stringify([change.service, change.where, basePath(change.path), change.message, change.verdict])
    const group = groups.get(key)
    if (group === undefined) {
      groups.set(key, [change])
      order.push(key)
    } else group.push(change)
  }
  return order.map((key) => {
    const group = groups.get(key)!
    if (group.length === 1) return group[0]!
    const main = group.find((change) => change.path === basePath(change.path)) ?? group[0]!
    const others = group.filter((change) => change !== main).map((change) => change.path)
    return { ...main, message: `${main.message} (also at ${others.join(', ')})` }
  })
}

/** `role.$in[]` → `role`, `$or[].role` → `role`, `$sort.createdAt` → `createdAt`. */
function basePath(path: string): string {
  return path.split('.').filter((segment) => !segment.startsWith('$')).join('.')
}
