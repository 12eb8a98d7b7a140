/** How much of a value is there: 1 for a leaf, plus the size of every property and item. */
function size(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1
  let total = 1
  for (const inner of Array.isArray(value) ? value : Object.values(value)) total += size(inner)
  return total
}

/**
 * The union cleaner's last resort, when the value matches no variant as it is (a record with an
 * undeclared field, say, against closed variants): of the variants' cleanings that are valid
 * (`undefined` for those that are not), the one that kept the most — so `{ id, name, hash }`
 * against `{ id } | { id, name }` keeps `name` — and the first of equals. `undefined` when none is.
 */
export function pickCleaned(candidates: readonly unknown[]): unknown {
  let best: unknown
  let bestSize = 0
  for (const candidate of candidates) {
    if (candidate === undefined) continue
    const candidateSize = size(candidate)
    if (candidateSize > bestSize) {
      best = candidate
      bestSize = candidateSize
    }
  }
  return best
}
