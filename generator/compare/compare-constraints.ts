import { conflicts, narrows, widens } from './change.js'
import type { SchemaChange } from './change.js'
import type { Shape } from './schema-shape.js'

// Lower bounds: raising one (or adding it) admits fewer values.
const LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const
// Upper bounds: lowering one (or adding it) admits fewer values.
const UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const
// Whether one regular expression or format admits a subset of another cannot be decided in
// general: a changed one conflicts (breaks both ways) rather than being guessed safe.
const EXACT = ['pattern', 'format'] as const

/** The constraint keywords of two schemas of the same type, compared: added, removed, tightened, loosened. */
export function compareConstraints(a: Shape, b: Shape, path: string, skip: ReadonlySet<string> = new Set()): SchemaChange[] {
  const changes: SchemaChange[] = []
  const at = (message: string, effect: typeof narrows | typeof widens | typeof conflicts) => changes.push({ path, message, ...effect })
  const num = (value: unknown) => (typeof value === 'number' ? value : undefined)
  for (const key of [...LOWER, ...UPPER]) {
    if (skip.has(key)) continue
    const before = num(a[key]), after = num(b[key])
    if (before === after) continue
    const lower = (LOWER as readonly string[]).includes(key)
    if (before === undefined) at(`${key} ${after} added`, narrows)
    else if (after === undefined) at(`${key} ${before} removed`, widens)
    else if (lower === after > before) at(`${key} ${lower ? 'raised' : 'lowered'} from ${before} to ${after}`, narrows)
    else at(`${key} ${lower ? 'lowered' : 'raised'} from ${before} to ${after}`, widens)
  }
  for (const key of EXACT) {
    const before = a[key], after = b[key]
    if (before === after) continue
    if (before === undefined) at(`${key} ${JSON.stringify(after)} added`, narrows)
    else if (after === undefined) at(`${key} ${JSON.stringify(before)} removed`, widens)
    else at(`${key} changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`, conflicts)
  }
  const before = num(a['multipleOf']), after = num(b['multipleOf'])
  if (before !== after) {
    if (before === undefined) at(`multipleOf ${after} added`, narrows)
    else if (after === undefined) at(`multipleOf ${before} removed`, widens)
    else if (Number.isInteger(after / before)) at(`multipleOf changed from ${before} to ${after}`, narrows)
    else if (Number.isInteger(before / after)) at(`multipleOf changed from ${before} to ${after}`, widens)
    else at(`multipleOf changed from ${before} to ${after}`, conflicts)
  }
  if ((a['uniqueItems'] === true) !== (b['uniqueItems'] === true)) {
    at(b['uniqueItems'] === true ? 'uniqueItems added' : 'uniqueItems removed', b['uniqueItems'] === true ? narrows : widens)
  }
  return changes
}
