import type { TSchema } from '@sinclair/typebox'
import { declareOnce, literal, useHelper } from './code-unit.js'
import type { CodeUnit } from './code-unit.js'
import { schemaKind } from './schema-reflect.js'

// Checks of leaf values (strings, numbers, literals, …) for the generated error collectors, and
// the JSON-type guards unions dispatch on.

type S = TSchema & Record<string, unknown>

/** A statement appending a failure at the path expression `path`. */
export const fail = (path: string, message: string) => `out.push({ path: ${path}, message: ${literal(message)} })`

/** True for a number (a schema's numeric keyword). */
export const num = (value: unknown): value is number => typeof value === 'number'

/**
 * One statement checking a leaf value `x` (a string, number, literal, …) and reporting at `path`,
 * or undefined for a structured schema. Parents inline it, so a valid leaf costs no call and the
 * path string is only built when something is wrong.
 */
export function leafCheck(unit: CodeUnit, s: S, x: string, path: string): string | undefined {
  switch (schemaKind(s)) {
    case 'Never': return fail(path, 'Expected no value')
    case 'Null': return `if (${x} !== null) ${fail(path, 'Expected null')}`
    case 'Boolean': return `if (typeof ${x} !== 'boolean') ${fail(path, 'Expected boolean')}`
    case 'Literal': return `if (${x} !== ${literal(s.const)}) ${fail(path, `Expected ${literal(s.const)}`)}`
    case 'String': case 'TemplateLiteral': return stringCheck(unit, s, x, path)
    case 'Number': case 'Integer': return numberCheck(s, x, path)
    case 'Union': {
      const variants = (Array.isArray(s.anyOf) ? s.anyOf : []) as S[]
      if (variants.length === 0 || !variants.every((variant) => schemaKind(variant) === 'Literal')) return undefined
      const values = variants.map((variant) => variant.const)
      const set = declareOnce(unit, 'values', () => (name) => `const ${name}: ReadonlySet<unknown> = new Set(${literal(values)})`)
      return `if (!${set}.has(${x})) ${fail(path, `Expected one of ${values.map((value) => literal(value)).join(', ')}`)}`
    }
    default: return undefined
  }
}

/** The checks of a `String` (or `TemplateLiteral`): type, lengths, pattern, format. */
function stringCheck(unit: CodeUnit, s: S, x: string, path: string): string {
  const checks: string[] = []
  if (num(s.minLength)) checks.push(`if (${x}.length < ${s.minLength}) ${fail(path, `Expected string length greater or equal to ${s.minLength}`)}`)
  if (num(s.maxLength)) checks.push(`if (${x}.length > ${s.maxLength}) ${fail(path, `Expected string length less or equal to ${s.maxLength}`)}`)
  if (typeof s.pattern === 'string') {
    const re = declareOnce(unit, 'pattern', () => (name) => `const ${name} = new RegExp(${literal(s.pattern)})`)
    checks.push(`if (!${re}.test(${x})) ${fail(path, `Expected string to match the pattern ${s.pattern}`)}`)
  }
  if (typeof s.format === 'string') {
    useHelper(unit, 'format')
    checks.push(`if (!format(${literal(s.format)}, ${x})) ${fail(path, `Expected string to match the '${s.format}' format`)}`)
  }
  return `if (typeof ${x} !== 'string') { ${fail(path, 'Expected string')} }${checks.length > 0 ? ` else { ${checks.join('; ')} }` : ''}`
}

/** The checks of a `Number` or `Integer`: type, bounds, multipleOf. */
function numberCheck(s: S, x: string, path: string): string {
  const integer = schemaKind(s) === 'Integer'
  const checks: string[] = []
  const bound = (key: string, op: string, words: string) => {
    if (num(s[key])) checks.push(`if (${x} ${op} ${s[key]}) ${fail(path, `Expected ${integer ? 'integer' : 'number'} to be ${words} ${s[key]}`)}`)
  }
  bound('minimum', '<', 'greater or equal to')
  bound('maximum', '>', 'less or equal to')
  bound('exclusiveMinimum', '<=', 'greater than')
  bound('exclusiveMaximum', '>=', 'less than')
  if (num(s.multipleOf)) checks.push(`if (${x} % ${s.multipleOf} !== 0) ${fail(path, `Expected a multiple of ${s.multipleOf}`)}`)
  const type = integer ? `!Number.isInteger(${x})` : `!Number.isFinite(${x})`
  return `if (${type}) { ${fail(path, integer ? 'Expected integer' : 'Expected number')} }${checks.length > 0 ? ` else { ${checks.join('; ')} }` : ''}`
}

/** The JSON type a schema's values all have, when there is exactly one (`string`, `object`, …). */
export function jsonType(s: S): string | undefined {
  switch (schemaKind(s)) {
    case 'String': case 'TemplateLiteral': return 'string'
    case 'Number': case 'Integer': return 'number'
    case 'Boolean': return 'boolean'
    case 'Null': return 'null'
    case 'Literal': return typeof s.const
    case 'Object': case 'Record': return 'object'
    case 'Array': case 'Tuple': return 'array'
    case 'Union': {
      const types = new Set(((Array.isArray(s.anyOf) ? s.anyOf : []) as S[]).map(jsonType))
      return types.size === 1 ? [...types][0] : undefined
    }
    default: return undefined
  }
}

/** A test of `v` for each JSON type. */
export const TYPE_GUARDS: Readonly<Record<string, string>> = {
  string: "typeof v === 'string'", number: "typeof v === 'number'", boolean: "typeof v === 'boolean'", null: 'v === null',
  object: "typeof v === 'object' && v !== null && !Array.isArray(v)", array: 'Array.isArray(v)',
}
