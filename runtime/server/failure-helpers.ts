import type { ErrorCollector, ValidationFailure } from './validator.js'

// Helpers the generated error collectors call; only the failure path ever reaches them.

/** A property name as a JSON pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function pointer(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key
}

/**
 * What to report when no variant of a union matched. When exactly the variants whose failures
 * all lie below `path` exist (the value had the right shape for them, e.g. an object for the
 * object variant of `User | null`), the first one's failures say more than a bare "no match".
 */
export function unionFailures(path: string, candidates: readonly ValidationFailure[][]): ValidationFailure[] {
  const deeper = candidates.find((failures) => failures.every((failure) => failure.path.length > path.length))
  return deeper ?? [{ path, message: 'Expected a value matching one of the union variants' }]
}

/** True when a collector finds nothing wrong with `value`. */
export function passes(collect: ErrorCollector, value: unknown): boolean {
  const out: ValidationFailure[] = []
  collect(value, '', out)
  return out.length === 0
}
