import type { FieldSpec, ServiceSpec } from './synthesize-services.js'

/** The TypeBox builder expression of a field (the same for TypeBox 0.25 and 0.34), without Optional. */
export function typeboxOf(field: FieldSpec): string {
  switch (field.kind) {
    case 'string': return 'Type.String({ minLength: 1, maxLength: 200 })'
    case 'text': return 'Type.String({ maxLength: 5000 })'
    case 'integer': return 'Type.Integer({ minimum: 0 })'
    case 'number': return 'Type.Number()'
    case 'boolean': return 'Type.Boolean()'
    case 'enum': return `Type.Union([${field.values!.map((v) => `Type.Literal('${v}')`).join(', ')}])`
    case 'datetime': return "Type.String({ format: 'date-time' })"
    case 'email': return "Type.String({ format: 'email' })"
    case 'nullable': return 'Type.Union([Type.String({ maxLength: 500 }), Type.Null()])'
    case 'tags': return 'Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })'
    case 'nested': return `Type.Object({ ${typeboxProperties(field.fields!)} }, { additionalProperties: false })`
  }
}

/** `name: Type…, other: Type.Optional(Type…)` for an object's properties. */
export function typeboxProperties(fields: readonly FieldSpec[]): string {
  return fields.map((f) => `${f.name}: ${f.optional ? `Type.Optional(${typeboxOf(f)})` : typeboxOf(f)}`).join(', ')
}

/** The plain TypeScript type of a field, as a person would write it. */
export function typeOf(field: FieldSpec): string {
  switch (field.kind) {
    case 'string': case 'text': case 'datetime': case 'email': return 'string'
    case 'integer': case 'number': return 'number'
    case 'boolean': return 'boolean'
    case 'enum': return field.values!.map((v) => `'${v}'`).join(' | ')
    case 'nullable': return 'string | null'
    case 'tags': return 'string[]'
    case 'nested': return `{ ${typeMembers(field.fields!)} }`
  }
}

/** `name: T; other?: U` for an object type's members. */
export function typeMembers(fields: readonly FieldSpec[]): string {
  return fields.map((f) => `${f.name}${f.optional ? '?' : ''}: ${typeOf(f)}`).join('; ')
}

/** A valid sample value for a field, deterministic by `seed`. */
export function sampleOf(field: FieldSpec, seed: number): unknown {
  switch (field.kind) {
    case 'string': return `${field.name} ${seed}`
    case 'text': return `Some longer text for ${field.name}, number ${seed}.`
    case 'integer': return seed % 1000
    case 'number': return (seed % 100) / 4
    case 'boolean': return seed % 2 === 0
    case 'enum': return field.values![seed % field.values!.length]
    case 'datetime': return '2026-01-02T03:04:05.000Z'
    case 'email': return `user${seed}@example.com`
    case 'nullable': return seed % 2 === 0 ? null : `note ${seed}`
    case 'tags': return ['alpha', 'beta']
    case 'nested': return sampleObject(field.fields!, seed)
  }
}

/** A sample object with every required property and every other optional one. */
export function sampleObject(fields: readonly FieldSpec[], seed: number): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f, i) => !f.optional || (i + seed) % 2 === 0).map((f) => [f.name, sampleOf(f, seed)]))
}

/** The fields of a service's create data. */
export function dataFields(spec: ServiceSpec): FieldSpec[] {
  return spec.fields.filter((f) => spec.dataKeys.includes(f.name))
}

/** The id field every record has. */
export const idField: FieldSpec = { name: 'id', kind: 'integer', optional: false }

/** The fields a service's query filters on, `id` included. */
export function queryFields(spec: ServiceSpec): FieldSpec[] {
  return spec.queryKeys.map((key) => key === 'id' ? idField : spec.fields.find((f) => f.name === key)!)
}

/** A sample create payload for a service. */
export function sampleData(spec: ServiceSpec): Record<string, unknown> {
  return sampleObject(dataFields(spec), spec.index)
}

/** A sample find query: an equality, an operator, paging and sorting. */
export function sampleQuery(spec: ServiceSpec): Record<string, unknown> {
  const [first, second] = queryFields(spec).slice(1)
  return {
    ...(first === undefined ? {} : { [first.name]: sampleOf(first, spec.index) }),
    ...(second === undefined ? {} : { [second.name]: { $ne: sampleOf(second, spec.index + 1) } }),
    id: { $gt: 10 },
    $limit: 25,
    $sort: { id: -1 },
  }
}
