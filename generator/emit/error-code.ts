import type { TSchema } from '@sinclair/typebox'
import { declareNamed, declareOnce, literal, pointerSegment, resolveRef, useHelper } from './code-unit.js'
import type { CodeUnit } from './code-unit.js'
import { memoize } from './emit-cache.js'
import { fail, jsonType, leafCheck, num, TYPE_GUARDS } from './leaf-check-code.js'
import { schemaKind } from './schema-reflect.js'
import { memoByStructure } from './structure-memo.js'

// Generates error collectors: `function collect_<hash>(v: any, p: string, out: ValidationFailure[])`
// appends `{ path, message }` for every failure of `v` under the JSON pointer `p`. They run when
// the (TypeBox-generated) check failed: leaves are inlined and path strings built only for a
// failure, so an invalid call is answered about as fast as Ajv collects all its errors. Messages
// name what was expected and never echo the value (a rejected password must not come back).

type S = TSchema & Record<string, unknown>
const PREFIX = 'collect'

/** True for a schema every value satisfies: no collector is needed. */
export function acceptsAnything(schema: TSchema): boolean {
  const kind = schemaKind(schema)
  return kind === 'Any' || kind === 'Unknown'
}

/** The name of the collector for `schema`, emitting it (and its children) into `unit` once. */
export function collectorFor(unit: CodeUnit, schema: TSchema): string {
  return memoize(unit, PREFIX, schema, () => memoByStructure(unit, PREFIX, schema, () => {
    const s = schema as S
    const kind = schemaKind(schema)
    if (kind === 'This' || kind === 'Ref') {
      const target = resolveRef(unit, schema)
      if (target === undefined) return emit(unit, () => [fail('p', `Unknown schema reference ${String(s.$ref)}`)])
      return collectorFor(unit, target)
    }
    // A named (possibly recursive) schema: its name is reserved before its body refers to it.
    if (typeof s.$id === 'string') return declareNamed(unit, PREFIX, schema, (name) => template(body(unit, s))(name))
    return emit(unit, () => body(unit, s))
  }))
}

/** An unused parameter gets a leading `_`, so users' `noUnusedParameters` accepts the output. */
export function parameter(name: string, body: string): string {
  return new RegExp(`\\b${name}\\b`).test(body) ? name : `_${name}`
}

function template(lines: string[]) {
  const body = lines.map((l) => `  ${l}`).join('\n')
  const params = `${parameter('v', body)}: any, ${parameter('p', body)}: string, ${parameter('out', body)}: ValidationFailure[]`
  return (name: string) => `function ${name}(${params}): void {\n${body}\n}`
}

function emit(unit: CodeUnit, lines: () => string[]): string {
  return declareOnce(unit, PREFIX, () => template(lines()))
}

/** A statement collecting `child` for `value` at `path` (a leaf inline), or nothing when the child accepts anything. */
function call(unit: CodeUnit, child: TSchema, value: string, path: string): string[] {
  if (acceptsAnything(child)) return []
  const leaf = typeof (child as S).$id === 'string' ? undefined : leafCheck(unit, child as S, 'x', path)
  if (leaf === undefined) return [`${collectorFor(unit, child)}(${value}, ${path}, out)`]
  return [/\bx\b/.test(leaf) ? `{ const x = ${value}; ${leaf} }` : leaf]
}

function body(unit: CodeUnit, s: S): string[] {
  const leaf = leafCheck(unit, s, 'v', 'p')
  if (leaf !== undefined) return [leaf]
  switch (schemaKind(s)) {
    case 'Object': return objectBody(unit, s)
    case 'Record': return recordBody(unit, s)
    case 'Array': return arrayBody(unit, s)
    case 'Tuple': return tupleBody(unit, s)
    case 'Union': return unionBody(unit, s)
    case 'Intersect': return intersectBody(unit, s)
    case 'Import': {
      const target = unit.references.get(String(s.$ref))
      return target === undefined ? [fail('p', 'Unknown schema reference')] : call(unit, target, 'v', 'p')
    }
    case 'Not': {
      const inner = collectorFor(unit, s.not as TSchema)
      useHelper(unit, 'passes')
      return [`if (passes(${inner}, v)) ${fail('p', 'Expected a value not matching the schema')}`]
    }
    default: return []
  }
}

function propertyCount(s: S): string[] {
  const lines: string[] = []
  if (num(s.minProperties)) lines.push(`if (Object.getOwnPropertyNames(v).length < ${s.minProperties}) ${fail('p', `Expected at least ${s.minProperties} properties`)}`)
  if (num(s.maxProperties)) lines.push(`if (Object.getOwnPropertyNames(v).length > ${s.maxProperties}) ${fail('p', `Expected at most ${s.maxProperties} properties`)}`)
  return lines
}

const OBJECT_GUARD = `if (typeof v !== 'object' || v === null || Array.isArray(v)) { ${fail('p', 'Expected object')}; return }`

/** Lines handling keys outside `known` by `additional` (false: unexpected; a schema: validated). */
function additionalLines(unit: CodeUnit, known: readonly string[], additional: unknown): string[] {
  if (additional !== false && (typeof additional !== 'object' || additional === null)) return []
  if (typeof additional === 'object' && acceptsAnything(additional as TSchema)) return []
  useHelper(unit, 'pointer')
  // A few keys compare inline (no Set lookup); many use a Set.
  const unknown = known.length <= 8
    ? (known.length === 0 ? 'true' : known.map((key) => `key !== ${literal(key)}`).join(' && '))
    : `!${declareOnce(unit, 'keys', () => (name) => `const ${name}: ReadonlySet<string> = new Set(${literal(known)})`)}.has(key)`
  const onExtra = additional === false
    ? fail('p + "/" + pointer(key)', 'Unexpected property')
    : `${collectorFor(unit, additional as TSchema)}(v[key], p + "/" + pointer(key), out)`
  return [`for (const key of Object.getOwnPropertyNames(v)) if (${unknown}) ${onExtra}`]
}

function objectBody(unit: CodeUnit, s: S): string[] {
  const properties = (s.properties ?? {}) as Record<string, TSchema>
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : [])
  const lines = [OBJECT_GUARD, ...propertyCount(s)]
  for (const [key, child] of Object.entries(properties)) {
    const member = `v[${literal(key)}]`
    const path = `p + ${literal(`/${pointerSegment(key)}`)}`
    const inner = call(unit, child, member, path)
    if (required.has(key)) {
      const missing = acceptsAnything(child) ? `!(${literal(key)} in v)` : `${member} === undefined`
      lines.push(`if (${missing}) { ${fail(path, 'Expected required property')} }${inner.length > 0 ? ` else { ${inner[0]} }` : ''}`)
    } else if (inner.length > 0) {
      lines.push(`if (${member} !== undefined) ${inner[0]}`)
    }
  }
  return [...lines, ...additionalLines(unit, Object.keys(properties), s.additionalProperties)]
}

function recordBody(unit: CodeUnit, s: S): string[] {
  const lines = [OBJECT_GUARD, ...propertyCount(s)]
  const [pattern, valueSchema] = Object.entries((s.patternProperties ?? {}) as Record<string, TSchema>)[0] ?? ['^.*$', undefined]
  const re = declareOnce(unit, 'pattern', () => (name) => `const ${name} = new RegExp(${literal(pattern)})`)
  useHelper(unit, 'pointer')
  const additional = s.additionalProperties
  const onValue = valueSchema === undefined || acceptsAnything(valueSchema) ? '{}' : `${collectorFor(unit, valueSchema)}(v[key], p + "/" + pointer(key), out)`
  const onOther = additional === false ? fail('p + "/" + pointer(key)', 'Unexpected property')
    : typeof additional === 'object' && additional !== null && !acceptsAnything(additional as TSchema)
      ? `${collectorFor(unit, additional as TSchema)}(v[key], p + "/" + pointer(key), out)` : '{}'
  lines.push(`for (const key of Object.getOwnPropertyNames(v)) if (${re}.test(key)) { ${onValue} } else { ${onOther} }`)
  return lines
}

function arrayBody(unit: CodeUnit, s: S): string[] {
  const lines = [`if (!Array.isArray(v)) { ${fail('p', 'Expected array')}; return }`]
  if (num(s.minItems)) lines.push(`if (v.length < ${s.minItems}) ${fail('p', `Expected at least ${s.minItems} items`)}`)
  if (num(s.maxItems)) lines.push(`if (v.length > ${s.maxItems}) ${fail('p', `Expected at most ${s.maxItems} items`)}`)
  if (s.uniqueItems === true) {
    useHelper(unit, 'hash')
    lines.push(`if (new Set(v.map((item: unknown) => hash(item))).size !== v.length) ${fail('p', 'Expected unique items')}`)
  }
  if (typeof s.contains === 'object' && s.contains !== null) {
    useHelper(unit, 'passes')
    const inner = collectorFor(unit, s.contains as TSchema)
    const min = num(s.minContains) ? s.minContains : 1
    lines.push(`{ const count = v.filter((item: unknown) => passes(${inner}, item)).length`)
    lines.push(`  if (count < ${min}) ${fail('p', `Expected at least ${min} matching items`)}`)
    if (num(s.maxContains)) lines.push(`  if (count > ${s.maxContains}) ${fail('p', `Expected at most ${s.maxContains} matching items`)}`)
    lines.push('}')
  }
  const items = s.items as TSchema | undefined
  if (items !== undefined) {
    const inner = call(unit, items, 'v[i]', 'p + "/" + i')
    if (inner.length > 0) lines.push(`for (let i = 0; i < v.length; i++) ${inner[0]}`)
  }
  return lines
}

function tupleBody(unit: CodeUnit, s: S): string[] {
  const items = (Array.isArray(s.items) ? s.items : []) as TSchema[]
  const lines = [`if (!Array.isArray(v)) { ${fail('p', 'Expected array')}; return }`,
    `if (v.length !== ${items.length}) ${fail('p', `Expected exactly ${items.length} items`)}`]
  items.forEach((item, index) => {
    const inner = call(unit, item, `v[${index}]`, `p + "/${index}"`)
    if (inner.length > 0) lines.push(`if (v.length > ${index}) ${inner[0]}`)
  })
  return lines
}

function unionBody(unit: CodeUnit, s: S): string[] {
  const variants = (Array.isArray(s.anyOf) ? s.anyOf : []) as S[]
  if (variants.some(acceptsAnything)) return []
  const types = variants.map(jsonType)
  if (types.every((type) => type !== undefined && TYPE_GUARDS[type] !== undefined) && new Set(types).size === types.length) {
    // Each variant takes its own JSON type (the `value | { $gt, … }` of a query property): the
    // value's type picks the one variant whose failures are worth reporting.
    const branches = variants.map((variant, index) => `if (${TYPE_GUARDS[types[index]!]}) { ${call(unit, variant, 'v', 'p')[0] ?? ''} }`)
    return [`${branches.join(' else ')} else { ${fail('p', `Expected ${types.join(' or ')}`)} }`]
  }
  useHelper(unit, 'unionFailures')
  const lines = variants.map((variant, index) => `const e${index}: ValidationFailure[] = []; ${collectorFor(unit, variant)}(v, p, e${index}); if (e${index}.length === 0) return`)
  lines.push(`out.push(...unionFailures(p, [${variants.map((_, index) => `e${index}`).join(', ')}]))`)
  return lines
}

function intersectBody(unit: CodeUnit, s: S): string[] {
  const parts = (Array.isArray(s.allOf) ? s.allOf : []) as TSchema[]
  const lines = parts.flatMap((part) => call(unit, part, 'v', 'p'))
  const unevaluated = s.unevaluatedProperties
  if (unevaluated === undefined || !parts.every((part) => schemaKind(part) === 'Object')) return lines
  const known = [...new Set(parts.flatMap((part) => Object.keys(((part as S).properties ?? {}) as object)))]
  const extra = additionalLines(unit, known, unevaluated)
  return extra.length === 0 ? lines : [...lines, `if (typeof v === 'object' && v !== null && !Array.isArray(v)) {`, ...extra.map((l) => `  ${l}`), '}']
}
