import { OptionalKind, ReadonlyKind, Type } from '@sinclair/typebox'
import { QueryFilterBrand } from './brand.js'
import type {
  TArray, TInteger, TLiteral, TObject, TOptional, TProperties, TSchema, TUnion,
} from '@sinclair/typebox'

/** The comparison operators Feathers' common adapters understand for one property. */
export type TQueryOperators<T extends TSchema> = TObject<{
  $gt: TOptional<T>
  $gte: TOptional<T>
  $lt: TOptional<T>
  $lte: TOptional<T>
  $ne: TOptional<T>
  $in: TOptional<TArray<T>>
  $nin: TOptional<TArray<T>>
}>

/** The property with its optional/readonly modifiers removed. */
type TBare<T extends TSchema> = T extends TOptional<infer U extends TSchema> ? TBare<U> : T

/** One queryable property: a value, or an object of operators. */
export type TQueryProperty<T extends TSchema> = TOptional<TUnion<[TBare<T>, TQueryOperators<TBare<T>>]>>

/** The filter part of a query: every property optional, value or operators. */
export type TQueryFilter<P extends TProperties> = TObject<{ [K in keyof P]: TQueryProperty<P[K]> }>

/** A keys-union for `$select`. */
type TKeyLiterals<P extends TProperties> = TUnion<{ [K in keyof P]: TLiteral<K & string> }[keyof P][]>

/** The Feathers query schema `querySyntax` builds. */
export type TQuerySyntax<P extends TProperties> = TObject<
  { [K in keyof P]: TQueryProperty<P[K]> } & {
    $limit: TOptional<TInteger>
    $skip: TOptional<TInteger>
    $sort: TOptional<TObject<{ [K in keyof P]: TOptional<TUnion<[TLiteral<1>, TLiteral<-1>]>> }>>
    $select: TOptional<TArray<TKeyLiterals<P>>>
    $or: TOptional<TArray<TQueryFilter<P>>>
    $and: TOptional<TArray<TQueryFilter<P>>>
  }
>

/** A copy of a property schema without `Optional`/`Readonly`, so it can sit inside a union. */
function bare(schema: TSchema): TSchema {
  const { [OptionalKind]: _optional, [ReadonlyKind]: _readonly, ...rest } = schema as TSchema & Record<symbol, unknown>
  return rest as TSchema
}

const closed = { additionalProperties: false } as const

/**
 * The Feathers query schema for TypeBox 0.34: each property of `schema` optional and accepting a
 * value or `{ $gt, $gte, $lt, $lte, $ne, $in, $nin }`, plus `$limit`, `$skip`, `$sort`,
 * `$select`, `$or`, `$and`; no other keys (a client can't probe fields the query does not list).
 */
export function querySyntax<P extends TProperties>(schema: TObject<P>): TQuerySyntax<P> {
  const keys = Object.keys(schema.properties).sort()
  const filter: Record<string, TSchema> = {}
  const sort: Record<string, TSchema> = {}
  for (const key of keys) {
    const value = bare(schema.properties[key] as TSchema)
    const operators = Type.Object({
      $gt: Type.Optional(value), $gte: Type.Optional(value),
      $lt: Type.Optional(value), $lte: Type.Optional(value),
      $ne: Type.Optional(value),
      $in: Type.Optional(Type.Array(value)), $nin: Type.Optional(Type.Array(value)),
    }, closed)
    filter[key] = Type.Optional(Type.Union([value, operators]))
    sort[key] = Type.Optional(Type.Union([Type.Literal(1), Type.Literal(-1)]))
  }
  const filterObject = Object.assign(Type.Object(filter, closed), { [QueryFilterBrand]: true })
  const select = Type.Union(keys.map((key) => Type.Literal(key)))
  return Type.Object({
    ...filter,
    $limit: Type.Optional(Type.Integer({ minimum: 0 })),
    $skip: Type.Optional(Type.Integer({ minimum: 0 })),
    $sort: Type.Optional(Type.Object(sort, closed)),
    $select: Type.Optional(Type.Array(select)),
    $or: Type.Optional(Type.Array(filterObject)),
    $and: Type.Optional(Type.Array(filterObject)),
  }, closed) as unknown as TQuerySyntax<P>
}
