import type { TSchema } from '@sinclair/typebox'
import { declareOnce, freshName, literal, nameOf, resolveRef, setName } from './code-unit.js'
import type { CodeUnit } from './code-unit.js'
import { acceptsAnything, collectorFor, parameter } from './error-code.js'
import { schemaKind } from './schema-reflect.js'

// Generates result cleaners: `function clean_N(v: any): any` returns a copy of `v` holding only
// what the schema declares. Objects keep declared properties (and others only when
// `additionalProperties` is `true` or a schema — an absent `additionalProperties` keeps nothing
// more, so a forgotten `additionalProperties: false` cannot leak a password hash); arrays, tuples,
// records, intersections and `$ref`s recurse; a union cleans by the first variant whose cleaned
// value is valid. A leaf keeps primitives only (see `cleanLeaf` in the runtime).

type S = TSchema & Record<string, unknown>
const PREFIX = 'clean'
const LEAF_KINDS = new Set(['String', 'Number', 'Integer', 'Boolean', 'Null', 'Literal', 'TemplateLiteral', 'Not'])

/** How a schema cleans a value: keep it, a leaf, or a generated function. */
type Plan = { kind: 'keep' } | { kind: 'leaf' } | { kind: 'drop' } | { kind: 'call'; name: string }

/** True when every value is reduced by `cleanLeaf` (a leaf, or a union of leaves). */
function isLeaf(schema: TSchema): boolean {
  const kind = schemaKind(schema) ?? ''
  if (LEAF_KINDS.has(kind)) return true
  const variants = (schema as S).anyOf
  return kind === 'Union' && Array.isArray(variants) && variants.every((variant) => isLeaf(variant as TSchema))
}

/** How `schema` cleans, emitting any function it needs into `unit`. */
export function cleanPlan(unit: CodeUnit, schema: TSchema): Plan {
  if (acceptsAnything(schema)) return { kind: 'keep' }
  if (schemaKind(schema) === 'Never') return { kind: 'drop' }
  if (isLeaf(schema)) { unit.helpers.add('cleanLeaf'); return { kind: 'leaf' } }
  return { kind: 'call', name: cleanerFor(unit, schema) }
}

/** An expression cleaning `value` by `schema`. */
export function cleanExpression(unit: CodeUnit, schema: TSchema, value: string): string {
  const plan = cleanPlan(unit, schema)
  return plan.kind === 'keep' ? value : plan.kind === 'drop' ? 'undefined' : plan.kind === 'leaf' ? `cleanLeaf(${value})` : `${plan.name}(${value})`
}

/** The name of the cleaner function for a structured `schema`, emitted into `unit` once. */
export function cleanerFor(unit: CodeUnit, schema: TSchema): string {
  const known = nameOf(unit, PREFIX, schema)
  if (known !== undefined) return known
  const s = schema as S
  const kind = schemaKind(schema)
  if (kind === 'This' || kind === 'Ref' || kind === 'Import') {
    const target = kind === 'Import' ? unit.references.get(String(s.$ref)) : resolveRef(unit, schema)
    if (target === undefined) return declareOnce(unit, PREFIX, (name) => `function ${name}(_v: any): any {\n  return undefined\n}`)
    const plan = cleanPlan(unit, target)
    if (plan.kind === 'call') return plan.name
    unit.helpers.add('cleanLeaf')
    return declareOnce(unit, PREFIX, (name) => `function ${name}(v: any): any {\n  return ${cleanExpression(unit, target, 'v')}\n}`)
  }
  if (typeof s.$id === 'string') {
    const name = freshName(unit, PREFIX)
    setName(unit, PREFIX, schema, name)
    unit.declarations.push(template(body(unit, s))(name))
    return name
  }
  const name = declareOnce(unit, PREFIX, template(body(unit, s)))
  setName(unit, PREFIX, schema, name)
  return name
}

function template(lines: string[]) {
  const body = lines.map((l) => `  ${l}`).join('\n')
  return (name: string) => `function ${name}(${parameter('v', body)}: any): any {\n${body}\n}`
}

/** Copies `value` into `o[key]` cleaned, leaving the key out when nothing remains. */
function assign(unit: CodeUnit, schema: TSchema, value: string, target: string): string {
  const expression = cleanExpression(unit, schema, 'x')
  return `{ const x = ${value}; if (x !== undefined) { const c = ${expression}; if (c !== undefined) ${target} = c } }`
}

/**
 * Copies a dynamic key (an additional property, a record entry) only when its cleaned value is
 * valid: a key nobody declared by name must at least have the declared shape, or a stray string
 * (a password) would pass through `additionalProperties: Type.Boolean()`.
 */
function assignChecked(unit: CodeUnit, schema: TSchema, value: string, target: string): string {
  if (acceptsAnything(schema)) return `${target} = ${value}`
  unit.helpers.add('passes')
  return `{ const c = ${cleanExpression(unit, schema, value)}; if (c !== undefined && passes(${collectorFor(unit, schema)}, c)) ${target} = c }`
}

/** Lines copying keys outside `known` when `additional` allows them (true: as they are). */
function additionalLines(unit: CodeUnit, known: readonly string[], additional: unknown): string[] {
  if (additional !== true && (typeof additional !== 'object' || additional === null)) return []
  const keys = declareOnce(unit, 'keys', (name) => `const ${name}: ReadonlySet<string> = new Set(${literal(known)})`)
  // `__proto__` is skipped: assigning it would set the copy's prototype instead of a property.
  const copy = additional === true ? 'o[key] = v[key]' : assignChecked(unit, additional as TSchema, 'v[key]', 'o[key]')
  return [`for (const key of Object.keys(v)) if (key !== '__proto__' && !${keys}.has(key)) ${copy}`]
}

const OBJECT_GUARD = "if (typeof v !== 'object' || v === null || Array.isArray(v)) return cleanLeaf(v)"

function body(unit: CodeUnit, s: S): string[] {
  unit.helpers.add('cleanLeaf')
  switch (schemaKind(s)) {
    case 'Object': {
      const properties = (s.properties ?? {}) as Record<string, TSchema>
      return [OBJECT_GUARD, 'const o: any = {}',
        ...Object.entries(properties).map(([key, child]) => assign(unit, child, `v[${literal(key)}]`, `o[${literal(key)}]`)),
        ...additionalLines(unit, Object.keys(properties), s.additionalProperties), 'return o']
    }
    case 'Record': {
      const [pattern, valueSchema] = Object.entries((s.patternProperties ?? {}) as Record<string, TSchema>)[0] ?? ['^.*$', undefined]
      const re = declareOnce(unit, 'pattern', (name) => `const ${name} = new RegExp(${literal(pattern)})`)
      const keep = valueSchema === undefined ? '' : `if (${re}.test(key)) { ${assignChecked(unit, valueSchema, 'v[key]', 'o[key]')} } else `
      const other = s.additionalProperties === true ? '{ o[key] = v[key] }'
        : typeof s.additionalProperties === 'object' && s.additionalProperties !== null ? assignChecked(unit, s.additionalProperties as TSchema, 'v[key]', 'o[key]') : '{}'
      return [OBJECT_GUARD, 'const o: any = {}', `for (const key of Object.keys(v)) if (key !== '__proto__') ${keep}${other}`, 'return o']
    }
    case 'Array': {
      const items = s.items as TSchema | undefined
      const map = items === undefined ? 'v.slice()' : `v.map((x: any) => ${cleanExpression(unit, items, 'x')})`
      return ['if (!Array.isArray(v)) return cleanLeaf(v)', `return ${map}`]
    }
    case 'Tuple': {
      const items = (Array.isArray(s.items) ? s.items : []) as TSchema[]
      return ['if (!Array.isArray(v)) return cleanLeaf(v)', `return [${items.map((item, index) => cleanExpression(unit, item, `v[${index}]`)).join(', ')}].slice(0, v.length)`]
    }
    case 'Union': {
      const variants = (Array.isArray(s.anyOf) ? s.anyOf : []) as TSchema[]
      if (variants.some(acceptsAnything)) return ['return v']
      unit.helpers.add('passes')
      const lines = variants.map((variant, index) =>
        `const c${index} = ${cleanExpression(unit, variant, 'v')}; if (passes(${collectorFor(unit, variant)}, c${index})) return c${index}`)
      // Nothing valid: the first variant that kept anything (still only declared fields).
      lines.push(`return ${variants.map((_, index) => `c${index}`).join(' ?? ')}`)
      return lines
    }
    case 'Intersect': {
      const parts = (Array.isArray(s.allOf) ? s.allOf : []) as TSchema[]
      if (!parts.every((part) => schemaKind(part) === 'Object')) {
        return parts[0] === undefined ? ['return undefined'] : [`return ${cleanExpression(unit, parts[0], 'v')}`]
      }
      const known = [...new Set(parts.flatMap((part) => Object.keys(((part as S).properties ?? {}) as object)))]
      return [OBJECT_GUARD, `const o: any = Object.assign({}, ${parts.map((part) => cleanExpression(unit, part, 'v')).join(', ')})`,
        ...additionalLines(unit, known, s.unevaluatedProperties), 'return o']
    }
    default:
      return ['return cleanLeaf(v)']
  }
}
