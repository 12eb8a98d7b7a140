import type { TSchema } from '@sinclair/typebox'
import { conflicts, narrows, widens } from './change.js'
import type { SchemaChange } from './change.js'
import { compareConstraints } from './compare-constraints.js'
import { compareObject } from './compare-object.js'
import { compareUnion } from './compare-union.js'
import { baseType, describeShape, shapeKind } from './schema-shape.js'
import type { Resolver, Shape } from './schema-shape.js'

// Annotations say nothing about which values cross the socket.
const ANNOTATIONS = new Set(['$id', '$schema', '$comment', 'title', 'description', 'examples', 'default', 'readOnly', 'writeOnly', 'deprecated'])

/**
 * Every difference between two schemas that changes which values are valid, judged both ways
 * (`toServer`, `toClient`); `$ref`s are followed, so renaming a named schema or reordering its
 * properties changes nothing. Pure.
 */
export function compareSchemas(a: TSchema, b: TSchema, resolve: { old: Resolver; new: Resolver }, path = ''): SchemaChange[] {
  // A pair of schema objects is compared once per root: a recursive schema stops there, and a
  // sub-schema shared in several places (a query filter under both $or and $and, one property
  // under each query operator) reports its changes once, at the first path it is met.
  const compared = new Map<Shape, Set<Shape>>()
  const step = (x: Shape, y: Shape, at: string): SchemaChange[] => {
    const left = resolve.old(x), right = resolve.new(y)
    const pairs = compared.get(left) ?? new Set<Shape>()
    if (pairs.has(right)) return []
    pairs.add(right)
    compared.set(left, pairs)
    return compareResolved(left, right, at, resolve, step)
  }
  return step(a as unknown as Shape, b as unknown as Shape, path)
}

function compareResolved(a: Shape, b: Shape, path: string, resolve: { old: Resolver; new: Resolver }, step: (x: Shape, y: Shape, at: string) => SchemaChange[]): SchemaChange[] {
  const ka = shapeKind(a), kb = shapeKind(b)
  if (ka === 'union' || kb === 'union') return compareUnion(a, b, path, resolve, step)
  if (ka === 'any' || kb === 'any') {
    if (ka === kb) return []
    return [{ path, message: `type ${describeShape(a)} → ${describeShape(b)}`, ...(kb === 'any' ? widens : narrows) }]
  }
  if (ka === 'never' || kb === 'never') {
    if (ka === kb) return []
    return [{ path, message: `type ${describeShape(a)} → ${describeShape(b)}`, ...(ka === 'never' ? widens : narrows) }]
  }
  if (ka === 'const' || kb === 'const') {
    if (baseType(a) !== baseType(b)) return [{ path, message: `type changed from ${describeShape(a)} to ${describeShape(b)}`, ...conflicts }]
    if (ka === kb) {
      return JSON.stringify(a['const']) === JSON.stringify(b['const'])
        ? []
        : [{ path, message: `value changed from ${describeShape(a)} to ${describeShape(b)}`, ...conflicts }]
    }
    return [{ path, message: `${describeShape(a)} → ${describeShape(b)}`, ...(ka === 'const' ? widens : narrows) }]
  }
  if (ka !== kb || ka === 'not') {
    return sameJson(a, b) ? [] : [{ path, message: `changed from ${describeShape(a)} to ${describeShape(b)} (cannot be compared in depth)`, ...conflicts }]
  }
  if (ka === 'intersect') return compareParts(a, b, path, step)
  const typeA = a['type'], typeB = b['type']
  const changes: SchemaChange[] = []
  if (typeA !== typeB) {
    if (baseType(a) !== baseType(b)) return [{ path, message: `type changed from ${String(typeA)} to ${String(typeB)}`, ...conflicts }]
    // integer ↔ number: every integer is a number.
    changes.push({ path, message: `type ${String(typeA)} → ${String(typeB)}`, ...(typeB === 'number' ? widens : narrows) })
  }
  const tuple = Array.isArray(a['items']) || Array.isArray(b['items'])
  changes.push(...compareConstraints(a, b, path, tuple ? new Set(['minItems', 'maxItems']) : undefined))
  if (typeB === 'object') changes.push(...compareObject(a, b, path, step))
  if (typeB === 'array') changes.push(...compareItems(a, b, path, step))
  return changes
}

/** Array items, or tuple positions: a tuple whose length changes conflicts. */
function compareItems(a: Shape, b: Shape, path: string, step: (x: Shape, y: Shape, at: string) => SchemaChange[]): SchemaChange[] {
  const x = a['items'], y = b['items']
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return [{ path, message: `tuple length changed from ${x.length} to ${y.length}`, ...conflicts }]
    return x.flatMap((item, index) => step(item as Shape, y[index] as Shape, `${path}[${index}]`))
  }
  if (Array.isArray(x) || Array.isArray(y)) return [{ path, message: `changed between a tuple and a list`, ...conflicts }]
  if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) return step(x as Shape, y as Shape, `${path}[]`)
  return []
}

/** Intersections part by part; a different number of parts cannot be judged, so it conflicts. */
function compareParts(a: Shape, b: Shape, path: string, step: (x: Shape, y: Shape, at: string) => SchemaChange[]): SchemaChange[] {
  const x = a['allOf'] as Shape[], y = b['allOf'] as Shape[]
  if (x.length !== y.length) return [{ path, message: `intersection changed from ${x.length} to ${y.length} parts`, ...conflicts }]
  const unevaluated = (a['unevaluatedProperties'] === false) === (b['unevaluatedProperties'] === false)
    ? []
    : [{ path, message: b['unevaluatedProperties'] === false ? 'extra properties now refused' : 'extra properties now allowed', ...(b['unevaluatedProperties'] === false ? narrows : widens) }]
  return [...unevaluated, ...x.flatMap((part, index) => step(part, y[index]!, path))]
}

/** Two schemas equal as JSON, annotations aside. */
function sameJson(a: Shape, b: Shape): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical)
    if (typeof value !== 'object' || value === null) return value
    return Object.fromEntries(Object.keys(value).filter((k) => !ANNOTATIONS.has(k)).sort().map((k) => [k, canonical((value as Shape)[k])]))
  }
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}
