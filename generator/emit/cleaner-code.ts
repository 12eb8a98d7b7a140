import type { TSchema } from '@sinclair/typebox'
import { declareNamed, declareOnce, literal, resolveRef, useHelper } from './code-unit.js'
import type { CodeUnit } from './code-unit.js'
import { memoize } from './emit-cache.js'
import { acceptsAnything, collectorFor, parameter } from './error-code.js'
import { schemaKind } from './schema-reflect.js'
import { memoByStructure } from './structure-memo.js'

// Generates result cleaners: `function clean_<hash>(v: any): any` returns a copy of `v` holding only
// what the schema declares. Objects keep declared properties (and others only when
// `additionalProperties` is `true` or a schema — an absent `additionalProperties` keeps nothing
// more, so a forgotten `additionalProperties: false` cannot leak a password hash); arrays, tuples,
// records and `$ref`s recurse. A union cleans by the first variant the value matches as it is
// (as TypeBox's `Value.Clean` does), else by the variant whose valid cleaning keeps the most. An
// intersection keeps what any of its parts keeps, merged at every depth. A `Not` position is a
// value the schema allows except what it excludes — like `Unknown`, it passes as it is when valid.
// A leaf keeps primitives only (see `cleanLeaf` in the runtime).
//
// The contract (SPEC §8, fail closed): a nested cleaner returns `undefined` for what it cannot
// clean (a parent then leaves the property out), and never anything undeclared; the exported
// cleaner (`failClosed` in the runtime) checks the result's shape (shape-check-code.ts), so it
// returns a value of the schema's shape or `undefined`, never the raw value. A valid value is
// always cleaned to a valid value (test/property checks it against TypeBox).

type S = TSchema & Record<string, unknown>
const PREFIX = 'clean'
const LEAF_KINDS = new Set(['String', 'Number', 'Integer', 'Boolean', 'Null', 'Literal', 'TemplateLiteral'])

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
  return memoize(unit, 'cleanPlan', schema, () => memoByStructure(unit, 'cleanPlan', schema, (): Plan => {
    if (acceptsAnything(schema)) return { kind: 'keep' }
    if (schemaKind(schema) === 'Never') return { kind: 'drop' }
    if (isLeaf(schema)) { useHelper(unit, 'cleanLeaf'); return { kind: 'leaf' } }
    return { kind: 'call', name: cleanerFor(unit, schema) }
  }))
}

/** An expression cleaning `value` by `schema`. */
export function cleanExpression(unit: CodeUnit, schema: TSchema, value: string): string {
  const plan = cleanPlan(unit, schema)
  return plan.kind === 'keep' ? value : plan.kind === 'drop' ? 'undefined' : plan.kind === 'leaf' ? `cleanLeaf(${value})` : `${plan.name}(${value})`
}

/** The name of the cleaner function for a structured `schema`, emitted into `unit` once. */
function cleanerFor(unit: CodeUnit, schema: TSchema): string {
  const s = schema as S
  const kind = schemaKind(schema)
  if (kind === 'This' || kind === 'Ref' || kind === 'Import') {
    const target = kind === 'Import' ? unit.references.get(String(s.$ref)) : resolveRef(unit, schema)
    if (target === undefined) return declareOnce(unit, PREFIX, () => (name) => `function ${name}(_v: any): any {\n  return undefined\n}`)
    const plan = cleanPlan(unit, target)
    if (plan.kind === 'call') return plan.name
    return declareOnce(unit, PREFIX, () => {
      useHelper(unit, 'cleanLeaf')
      const expression = cleanExpression(unit, target, 'v')
      return (name) => `function ${name}(v: any): any {\n  return ${expression}\n}`
    })
  }
  if (typeof s.$id === 'string') return declareNamed(unit, PREFIX, schema, (name) => template(body(unit, s))(name))
  return declareOnce(unit, PREFIX, () => template(body(unit, s)))
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
  useHelper(unit, 'passes')
  return `{ const c = ${cleanExpression(unit, schema, value)}; if (c !== undefined && passes(${collectorFor(unit, schema)}, c)) ${target} = c }`
}

/** Lines copying keys outside `known` (and passing `also`) when `additional` allows them (true: as they are). */
function additionalLines(unit: CodeUnit, known: readonly string[], additional: unknown, also?: string): string[] {
  if (additional !== true && (typeof additional !== 'object' || additional === null)) return []
  const keys = declareOnce(unit, 'keys', () => (name) => `const ${name}: ReadonlySet<string> = new Set(${literal(known)})`)
  // `__proto__` is skipped: assigning it would set the copy's prototype instead of a property.
  const copy = additional === true ? 'o[key] = v[key]' : assignChecked(unit, additional as TSchema, 'v[key]', 'o[key]')
  return [`for (const key of Object.keys(v)) if (key !== '__proto__' && !${keys}.has(key)${also === undefined ? '' : ` && ${also}`}) ${copy}`]
}

const OBJECT_GUARD = "if (typeof v !== 'object' || v === null || Array.isArray(v)) return cleanLeaf(v)"

function body(unit: CodeUnit, s: S): string[] {
  switch (schemaKind(s)) {
    case 'Object': {
      useHelper(unit, 'cleanLeaf')
      const properties = (s.properties ?? {}) as Record<string, TSchema>
      return [OBJECT_GUARD, 'const o: any = {}',
        ...Object.entries(properties).map(([key, child]) => assign(unit, child, `v[${literal(key)}]`, `o[${literal(key)}]`)),
        ...additionalLines(unit, Object.keys(properties), s.additionalProperties), 'return o']
    }
    case 'Record': {
      useHelper(unit, 'cleanLeaf')
      const [pattern, valueSchema] = Object.entries((s.patternProperties ?? {}) as Record<string, TSchema>)[0] ?? ['^.*$', undefined]
      const re = declareOnce(unit, 'pattern', () => (name) => `const ${name} = new RegExp(${literal(pattern)})`)
      const keep = valueSchema === undefined ? '' : `if (${re}.test(key)) { ${assignChecked(unit, valueSchema, 'v[key]', 'o[key]')} } else `
      const other = s.additionalProperties === true ? '{ o[key] = v[key] }'
        : typeof s.additionalProperties === 'object' && s.additionalProperties !== null ? assignChecked(unit, s.additionalProperties as TSchema, 'v[key]', 'o[key]') : '{}'
      return [OBJECT_GUARD, 'const o: any = {}', `for (const key of Object.keys(v)) if (key !== '__proto__') ${keep}${other}`, 'return o']
    }
    case 'Array': {
      useHelper(unit, 'cleanLeaf')
      const items = s.items as TSchema | undefined
      const map = items === undefined ? 'v.slice()' : `v.map((x: any) => ${cleanExpression(unit, items, 'x')})`
      return ['if (!Array.isArray(v)) return cleanLeaf(v)', `return ${map}`]
    }
    case 'Tuple': {
      useHelper(unit, 'cleanLeaf')
      const items = (Array.isArray(s.items) ? s.items : []) as TSchema[]
      return ['if (!Array.isArray(v)) return cleanLeaf(v)', `return [${items.map((item, index) => cleanExpression(unit, item, `v[${index}]`)).join(', ')}].slice(0, v.length)`]
    }
    case 'Union': return unionBody(unit, s)
    case 'Intersect': return intersectBody(unit, s)
    case 'Not': {
      // Only the schema knows what it excludes; everything else is allowed as it is (Value.Clean
      // leaves `Not` positions alone too). The excluded value is refused, not sent.
      useHelper(unit, 'passes')
      return [`return passes(${collectorFor(unit, s.not as TSchema)}, v) ? undefined : v`]
    }
    default:
      useHelper(unit, 'cleanLeaf')
      return ['return cleanLeaf(v)']
  }
}

/**
 * A union: the first variant the value already matches cleans it (a valid value keeps what that
 * variant declares, as with `Value.Clean`). Otherwise every variant cleans it and, of the valid
 * cleanings, the one that kept the most wins: `{ id, name, hash }` against the closed
 * `{ id } | { id, name }` keeps `name`. None valid: `undefined`.
 */
function unionBody(unit: CodeUnit, s: S): string[] {
  const variants = (Array.isArray(s.anyOf) ? s.anyOf : []) as TSchema[]
  if (variants.some(acceptsAnything)) return ['return v']
  if (variants.length === 0) return ['return undefined']
  useHelper(unit, 'passes')
  const collectors = variants.map((variant) => collectorFor(unit, variant))
  const lines = variants.map((variant, index) => `if (passes(${collectors[index]}, v)) return ${cleanExpression(unit, variant, 'v')}`)
  variants.forEach((variant, index) => lines.push(
    `const c${index} = ${cleanExpression(unit, variant, 'v')}; const k${index} = c${index} !== undefined && passes(${collectors[index]}, c${index}) ? c${index} : undefined`))
  if (variants.length === 1) return [...lines, 'return k0']
  useHelper(unit, 'pickCleaned')
  return [...lines, `return pickCleaned([${variants.map((_, index) => `k${index}`).join(', ')}])`]
}

/** The schema a `Ref`/`This` part stands for (itself otherwise), to tell what kind of part it is. */
function target(unit: CodeUnit, schema: TSchema): TSchema {
  const kind = schemaKind(schema)
  if (kind !== 'Ref' && kind !== 'This') return schema
  return resolveRef(unit, schema) ?? schema
}

/**
 * An intersection keeps every property any part declares. Parts that accept anything or only
 * exclude (`Not`) declare no properties: they add nothing (a `Not` part's constraint is enforced
 * by the final check), and if every part is such, the value passes as it is. Parts that are all
 * objects with distinct keys merge shallowly; otherwise `mergeCleaned` merges at every depth, so
 * `Union<{x}|{y}> & {z}` keeps `x` and `z`. A part that cannot clean the value fails the whole.
 */
function intersectBody(unit: CodeUnit, s: S): string[] {
  const parts = (Array.isArray(s.allOf) ? s.allOf : []) as TSchema[]
  const declaring = parts.filter((part) => {
    const resolved = target(unit, part)
    return !acceptsAnything(resolved) && schemaKind(resolved) !== 'Not'
  })
  if (declaring.length === 0) return ['return v']
  const objectKeys = declaring.map((part) => schemaKind(part) === 'Object' ? Object.keys(((part as S).properties ?? {}) as object) : undefined)
  const known = [...new Set(objectKeys.flatMap((keys) => keys ?? []))]
  useHelper(unit, 'cleanLeaf')
  if (objectKeys.every((keys) => keys !== undefined) && known.length === objectKeys.reduce((sum, keys) => sum + keys!.length, 0)) {
    return [OBJECT_GUARD, `const o: any = Object.assign({}, ${declaring.map((part) => cleanExpression(unit, part, 'v')).join(', ')})`,
      ...additionalLines(unit, known, s.unevaluatedProperties), 'return o']
  }
  useHelper(unit, 'mergeCleaned')
  const lines = declaring.map((part, index) => index === 0
    ? `let o: any = ${cleanExpression(unit, part, 'v')}; if (o === undefined) return undefined`
    : `{ const c = ${cleanExpression(unit, part, 'v')}; if (c === undefined) return undefined; o = mergeCleaned(o, c) }`)
  const extra = additionalLines(unit, known, s.unevaluatedProperties, '!Object.hasOwn(o, key)')
  if (extra.length > 0) lines.push("if (typeof o === 'object' && o !== null && !Array.isArray(o) && typeof v === 'object' && v !== null && !Array.isArray(v)) {", ...extra.map((line) => `  ${line}`), '}')
  return [...lines, 'return o']
}
