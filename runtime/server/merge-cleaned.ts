/** True for a non-array object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Merges what two parts of an intersection kept of the same value, so the result keeps every
 * property either part declares — at every depth (`{ a: { x } } & { a: { y } }` keeps both `x`
 * and `y`, where a shallow merge, like TypeBox's `Value.Clean`, keeps only the last part's `a`).
 * Arrays of the same length merge item by item; anything else is the same value seen by both
 * parts, so `b` is taken. Both inputs are fresh copies made by cleaners: nothing is shared.
 */
export function mergeCleaned(a: unknown, b: unknown): unknown {
  if (a === undefined) return b
  if (b === undefined) return a
  if (isRecord(a) && isRecord(b)) {
    const merged: Record<string, unknown> = { ...a }
    for (const key of Object.keys(b)) {
      // Cleaners never keep a `__proto__` key; assigning one would set the prototype.
      if (key === '__proto__') continue
      merged[key] = Object.hasOwn(a, key) ? mergeCleaned(a[key], b[key]) : b[key]
    }
    return merged
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.map((item, index) => mergeCleaned(item, b[index]))
  return b
}
