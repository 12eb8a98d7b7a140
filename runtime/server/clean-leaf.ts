/**
 * A value where the schema declares a leaf (string, number, literal, …), reduced so that nothing
 * undeclared can ride along: primitives stay; an object with `toJSON` (a Date, a database id) is
 * replaced by what it would serialise to when that is a primitive; any other object or array —
 * which could carry fields the schema never declared — is dropped (undefined).
 */
export function cleanLeaf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  const toJSON = (value as { toJSON?: unknown }).toJSON
  if (typeof toJSON !== 'function') return undefined
  const json: unknown = toJSON.call(value)
  return typeof json !== 'object' || json === null ? json : undefined
}
