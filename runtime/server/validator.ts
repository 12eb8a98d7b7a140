import { forgetFormatMemo } from './formats.js'

/** One reason a value failed its schema: where (a JSON pointer, `''` for the whole) and what. */
export interface ValidationFailure {
  path: string
  message: string
}

/** An ahead-of-time validator: a fast boolean check, and the failures for the error path. */
export interface Validator<T = unknown> {
  /** True when `value` matches the schema; allocates nothing. */
  check(value: unknown): value is T
  /** Every failure found; an empty list exactly when `check` is true. */
  errors(value: unknown): ValidationFailure[]
}

/**
 * Reduces a value to what its schema declares (undeclared properties removed, nested too). A
 * generated cleaner fails closed: it returns a value of the schema's shape (types, literals,
 * unions, nested required properties; formats and bounds are `validateResults`' part, and a
 * record's own properties may be missing for `$select`), or `undefined` when the value cannot be
 * cleaned to it — never the raw value. Callers refuse to send `undefined`. A valid value always
 * comes out valid, every declared property kept.
 */
export type Cleaner = (value: unknown) => unknown

/** The shape of a generated error collector: appends failures under `path` to `out`. */
export type ErrorCollector = (value: unknown, path: string, out: ValidationFailure[]) => void

/**
 * Pairs a generated check with its generated error collector. `errors` runs the collector alone
 * (callers have usually just seen `check` fail); only when it finds nothing is `check` asked, so
 * should the two ever disagree, an invalid value still gets a failure for the whole value.
 */
export function createValidator<T>(check: (value: unknown) => boolean, collect: ErrorCollector): Validator<T> {
  return {
    check: (value: unknown): value is T => {
      forgetFormatMemo()
      return check(value)
    },
    errors(value) {
      const out: ValidationFailure[] = []
      collect(value, '', out)
      if (out.length === 0 && !check(value)) out.push({ path: '', message: 'Expected a value matching the schema' })
      return out
    },
  }
}
