import { forgetFormatMemo } from './formats.js'
import type { Cleaner, ErrorCollector, ValidationFailure } from './validator.js'

/**
 * The exported cleaner of a schema: `clean`, whose result must then pass `check`, the generated
 * check of the schema's shape (required properties, types, literals, unions; not formats or bounds:
 * see generator/emit/shape-check-code.ts). A value that cannot be cleaned to that shape (a
 * required property missing, a wrong type, no union variant satisfied) gives `undefined` — the
 * signal callers use to refuse sending it, never the raw value (SPEC §8). Nested cleaners only
 * drop what is undeclared or invalid; this one last check makes the whole fail closed. With
 * `collect` (the full collector), `failures(value)` says why a value falls short of the schema,
 * at the paths of the cleaned value (for `validateResults`).
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
