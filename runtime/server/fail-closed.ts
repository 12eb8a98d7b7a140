import { forgetFormatMemo } from './formats.js'
import type { Cleaner } from './validator.js'

/**
 * The exported cleaner of a schema: `clean`, whose result must then pass `check`, the generated
 * check of the schema's shape (types, literals, unions, nested required properties; not formats or
 * bounds, and a record's own properties may be missing for `$select`: see
 * generator/emit/shape-check-code.ts). A value that cannot be cleaned to that shape (a wrong type,
 * no union variant satisfied) gives `undefined` — the signal callers use to refuse sending it,
 * never the raw value (SPEC §8). Nested cleaners only drop what is undeclared or invalid; this one
 * last check makes the whole fail closed.
 */
export function failClosed(clean: Cleaner, check: (value: unknown) => boolean): Cleaner {
  return (value: unknown): unknown => {
    const cleaned = clean(value)
    if (cleaned === undefined) return undefined
    forgetFormatMemo()
    return check(cleaned) ? cleaned : undefined
  }
}
