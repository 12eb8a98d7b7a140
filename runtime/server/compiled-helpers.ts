// The free functions TypeBox's generated check code expects beside `format` (TypeCompiler.Code
// emits calls to `kind(...)` for custom kinds and `hash(...)` for `uniqueItems`). They live here so
// the generated validators need no TypeBox at run time.

/** Custom TypeBox kinds (TypeRegistry) cannot cross the socket; a value never matches one. */
export function kind(_name: string, _instance: number, _value: unknown): boolean {
  return false
}

/** A canonical text for a JSON value (object keys sorted), so equal values hash equal. */
export function hash(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner
    // A prototype-less object: a `__proto__` key is copied as data, never as a prototype.
    const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key]
    return sorted
  }) ?? 'undefined'
}
