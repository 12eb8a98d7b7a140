import { pointer } from './failure-helpers.js'
import type { ValidationFailure } from './validator.js'

/**
 * The failures of a record that a `$select` leaves standing: a top-level property that was not
 * selected and is absent is no failure (adapters return only the selected fields and the id).
 * Without a `$select` array, every failure stands; a selected field that is missing still fails.
 */
export function selectedOnly(failures: ValidationFailure[], record: unknown, select: unknown): ValidationFailure[] {
  if (!Array.isArray(select) || typeof record !== 'object' || record === null) return failures
  const selected = new Set(select.filter((key): key is string => typeof key === 'string').map((key) => `/${pointer(key)}`))
  return failures.filter((failure) => {
    if (selected.has(failure.path) || failure.path.lastIndexOf('/') !== 0) return true
    return Object.hasOwn(record, decodePointer(failure.path.slice(1)))
  })
}

/** One JSON pointer segment back to its key (RFC 6901). */
function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}
