import type { TSchema } from '@sinclair/typebox'
import type { TypeNamePlan } from './plan-type-names.js'
import { schemaChildren } from './schema-children.js'
import { isOptional, isReadonly, isRecursive, schemaKind } from './schema-reflect.js'
import { templateLiteralType } from './template-literal-type.js'
import { inlineDoc, propertyName, quoteString } from './ts-syntax.js'

/** One property of an object type, ready to be written as a member or an interface property. */
export interface TypeMember {
  /** The property name as written: quoted unless it is an identifier. */
  name: string
  type: string
  optional: boolean
  readonly: boolean
  description: string | undefined
}

interface Context {
  plan: TypeNamePlan
  /** The recursive schema being declared: its `$id` refers to `name`, whatever the plan says. */
  self: { id: string; name: string } | undefined
}

const NUMBER_KEY = '^(0|[1-9][0-9]*)$'
const STRING_KEY = '^(.*)$'

/**
 * The TypeScript type of a schema where it is nested in another: the planned name when it has
 * one, otherwise its type written inline. The result equals `Static<typeof schema>`.
 */
export function typeExpression(schema: TSchema, plan: TypeNamePlan): string {
  return nested(schema, { plan, self: undefined })
}

/**
 * The TypeScript type of a schema for its own declaration `name`: written inline even though the
 * plan names it, with a recursive schema's `This` referring back to `name`.
 */
export function declarationType(schema: TSchema, name: string, plan: TypeNamePlan): string {
  return inline(schema, context(schema, name, plan))
}

/** The members of an object schema for its own declaration `name` (see `declarationType`). */
export function declarationMembers(schema: TSchema, name: string, plan: TypeNamePlan): TypeMember[] {
  return members(schema, context(schema, name, plan))
}

function context(schema: TSchema, name: string, plan: TypeNamePlan): Context {
  return { plan, self: isRecursive(schema) ? { id: schema.$id as string, name } : undefined }
}

function nested(schema: TSchema, ctx: Context): string {
  return ctx.plan.nameOf(schema) ?? inline(schema, ctx)
}

/** A nested type for use before `[]` or inside `&`: a union, intersection or `-1` gets parentheses. */
function operand(schema: TSchema, ctx: Context): string {
  const text = nested(schema, ctx)
  if (ctx.plan.nameOf(schema) !== undefined) return text
  const kind = schemaKind(schema)
  const loose = kind === 'Union' || kind === 'Intersect' || text.startsWith('-')
  return loose && /[|&-]/.test(text) ? `(${text})` : text
}

function inline(schema: TSchema, ctx: Context): string {
  const s = schema as TSchema & Record<string, unknown>
  const children = () => schemaChildren(schema).map((child) => child.schema)
  switch (schemaKind(schema)) {
    case 'Object': {
      const list = members(schema, ctx)
      return queryOperatorsType(list) ?? objectType(list)
    }
    case 'Array':
      return s['items'] === undefined ? 'unknown[]' : `${operand(s['items'] as TSchema, ctx)}[]`
    case 'Tuple':
      return `[${children().map((child) => nested(child, ctx)).join(', ')}]`
    case 'Union': {
      const variants = children()
      return variants.length === 0 ? 'never' : variants.map((child) => nested(child, ctx)).join(' | ')
    }
    case 'Intersect': {
      const parts = children()
      return parts.length === 0 ? 'unknown' : parts.map((child) => operand(child, ctx)).join(' & ')
    }
    case 'Literal':
      return literalType(s['const'])
    case 'TemplateLiteral':
      return (typeof s['pattern'] === 'string' && templateLiteralType(s['pattern'])?.type) || 'string'
    case 'Record':
      return recordType(s['patternProperties'], ctx)
    case 'Ref':
    case 'This':
      return refType(s['$ref'], ctx)
    case 'String':
      return 'string'
    case 'Number':
    case 'Integer':
      return 'number'
    case 'Boolean':
      return 'boolean'
    case 'Null':
      return 'null'
    case 'Any':
      return 'any'
    case 'Never':
      return 'never'
    default:
      // Unknown, Not, and kinds the model rejects before emitting (Unsafe has no runtime shape).
      return 'unknown'
  }
}

function members(schema: TSchema, ctx: Context): TypeMember[] {
  const properties = (schema as TSchema & { properties?: Record<string, TSchema> }).properties ?? {}
  return Object.entries(properties).map(([key, property]) => ({
    name: propertyName(key),
    type: nested(property, ctx),
    optional: isOptional(property),
    readonly: isReadonly(property),
    description: typeof property.description === 'string' ? property.description : undefined,
  }))
}

const OPERATORS = ['$gt', '$gte', '$lt', '$lte', '$ne', '$in', '$nin']

/**
 * `QueryOperators<T>` (declared once in types.ts) for object members that are exactly querySyntax's
 * standard operators on a value of type `T`, written out it would be the same type. One shared generic
 * keeps types.ts small and lets a consumer's type checker relate each `T`'s operators once,
 * not once per property of every service. Anything else (extension operators, a description,
 * `readonly`, an array-valued property whose `$in` takes the array itself) stays written out.
 */
function queryOperatorsType(list: TypeMember[]): string | undefined {
  if (list.length !== OPERATORS.length) return undefined
  const byName = new Map(list.map((member) => [member.name, member]))
  const value = byName.get('$gt')?.type
  const each = OPERATORS.map((name) => byName.get(name))
  if (value === undefined || each.some((member) => member === undefined || !member.optional || member.readonly || member.description !== undefined)) return undefined
  // `$in`/`$nin` as `operand` writes a list of the value: `T[]`, or `(A | B)[]`.
  const isList = (type: string) => type === `${value}[]` || type === `(${value})[]`
  const same = each.every((member, i) => (i < 5 ? member!.type === value : isList(member!.type)))
  return same ? `QueryOperators<${value}>` : undefined
}

/** `{ a: string; readonly b?: number }`, or `{}` for an object without properties. */
function objectType(list: TypeMember[]): string {
  if (list.length === 0) return '{}'
  const written = list.map((member) =>
    `${inlineDoc(member.description)}${member.readonly ? 'readonly ' : ''}${member.name}${member.optional ? '?' : ''}: ${member.type}`)
  return `{ ${written.join('; ')} }`
}

function literalType(value: unknown): string {
  if (typeof value === 'string') return quoteString(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return String(value)
  return 'unknown'
}

/**
 * A record: TypeBox turns its key into one pattern; `Static` gives an index signature of the key's
 * type (`string`, `number`, or an infinite template literal). Finite keys never get here: TypeBox
 * builds an Object for them.
 */
function recordType(patternProperties: unknown, ctx: Context): string {
  const entries = Object.entries((patternProperties ?? {}) as Record<string, TSchema>)
  if (entries.length === 0) return '{}'
  const signatures = entries.map(([pattern, value]) => `[key: ${recordKeyType(pattern)}]: ${nested(value, ctx)}`)
  return `{ ${signatures.join('; ')} }`
}

function recordKeyType(pattern: string): string {
  if (pattern === NUMBER_KEY) return 'number'
  if (pattern === STRING_KEY) return 'string'
  const template = templateLiteralType(pattern)
  return template !== undefined && template.infinite ? template.type : 'string'
}

/** `Type.Ref` and recursive `This`; `Static` of an unresolvable `Type.Ref('id')` is `unknown` too. */
function refType(ref: unknown, ctx: Context): string {
  if (typeof ref !== 'string') return 'unknown'
  if (ctx.self !== undefined && ctx.self.id === ref) return ctx.self.name
  return ctx.plan.refName(ref) ?? 'unknown'
}
