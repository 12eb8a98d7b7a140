import { forgetFormatMemo } from './formats.js'
import type { Cleaner, ErrorCollector, ValidationFailure } from './validator.js'

/**
 * The exported cleaner of a schema: `clean`, whose result must then pass `check` (the schema's
 * generated check). A value that cannot be cleaned to its schema (a required property missing, a
 * wrong type, no union variant satisfied) gives `undefined` — the signal callers use to refuse
 * sending it, never the raw value (SPEC §8). Nested cleaners only ever drop what is undeclared or
 * invalid; this one last check is what makes the whole fail closed. With `collect`, the cleaner's
 * `failures(value)` says why a value was refused (for `validateResults`), at the paths of the
 * cleaned value.
 */
export function failClosed(clean: Cleaner, check: (value: unknown) => boolean, collect?: ErrorCollector): Cleaner {
  const cleaner: Cleaner = (value: unknown): unknown => {
    const cleaned = clean(value)
    if (cleaned === undefined) return undefined
    forgetFormatMemo()
    return check(cleaned) ? cleaned : undefined
  }
  if (collect !== undefined) {
    cleaner.failures = (value: unknown): ValidationFailure[] => {
      const cleaned = clean(value)
      if (cleaned === undefined) return [{ path: '', message: 'Expected a value matching the schema' }]
      const out: ValidationFailure[] = []
      collect(cleaned, '', out)
      return out
    }
  }
  return cleaner
}
