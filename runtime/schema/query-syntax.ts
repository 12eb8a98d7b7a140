import { OptionalKind, ReadonlyKind, Type } from '@sinclair/typebox'
import { QueryFilterBrand } from './brand.js'
import type {
  TArray, TInteger, TLiteral, TObject, TOptional, TProperties, TSchema, TUnion,
} from '@sinclair/typebox'

/** Extra operators per property, as `@feathersjs/typebox` takes them: `{ text: { $like: Type.String() } }`. */
export type TQueryExtensions<P extends TProperties> = { [K in keyof P]?: TProperties }

/** The property with its optional/readonly modifiers removed. */
type TBare<T extends TSchema> = T extends TOptional<infer U extends TSchema> ? TBare<U> : T

/** `$in`/`$nin` of a property: an array of its values, or the property itself when it is an array. */
type TListOf<T extends TSchema> = T extends TArray ? T : TArray<T>

/** The extension operators of one property (none when `X` has no entry for it). */
type TExtensionOf<X, K> = K extends keyof X ? (X[K] extends TProperties ? X[K] : {}) : {}

/** The comparison operators Feathers' common adapters understand for one property, plus its extensions. */
export type TQueryOperators<T extends TSchema, E extends TProperties = {}> = TObject<{
  $gt: TOptional<T>
  $gte: TOptional<T>
  $lt: TOptional<T>
  $lte: TOptional<T>
  $ne: TOptional<T>
  $in: TOptional<TListOf<T>>
  $nin: TOptional<TListOf<T>>
} & { [O in keyof E]: TOptional<TBare<E[O]>> }>

/** One queryable property: a value, or an object of operators. */
export type TQueryProperty<T extends TSchema, E extends TProperties = {}> = TOptional<TUnion<[TBare<T>, TQueryOperators<TBare<T>, E>]>>

/** The filter part of a query: every property optional, value or operators. */
export type TQueryFilter<P extends TProperties, X = {}> = TObject<{ [K in keyof P]: TQueryProperty<P[K], TExtensionOf<X, K>> }>

/** A keys-union for `$select`. */
type TKeyLiterals<P extends TProperties> = TUnion<{ [K in keyof P]: TLiteral<K & string> }[keyof P][]>

/** The Feathers query schema `querySyntax` builds. */
export type TQuerySyntax<P extends TProperties, X = {}> = TObject<
  { [K in keyof P]: TQueryProperty<P[K], TExtensionOf<X, K>> } & {
    $limit: TOptional<TInteger>
    $skip: TOptional<TInteger>
    $sort: TOptional<TObject<{ [K in keyof P]: TOptional<TUnion<[TLiteral<1>, TLiteral<-1>]>> }>>
    $select: TOptional<TArray<TKeyLiterals<P>>>
    $or: TOptional<TArray<TQueryFilter<P, X>>>
    $and: TOptional<TArray<TUnion<[TQueryFilter<P, X>, TObject<{ $or: TArray<TQueryFilter<P, X>> }>]>>>
  }
>

/** A copy of a property schema without `Optional`/`Readonly`, so it can sit inside a union. */
function bare(schema: TSchema): TSchema {
  const { [OptionalKind]: _optional, [ReadonlyKind]: _readonly, ...rest } = schema as TSchema & Record<symbol, unknown>
  return rest as TSchema
}

const closed = { additionalProperties: false } as const

/** `{ $gt, $gte, $lt, $lte, $ne, $in, $nin }` for `value`, then the property's extension operators. */
function operatorsFor(value: TSchema, extension: TProperties): TSchema {
  const list = value.type === 'array' ? value : Type.Array(value)
  const operators: TProperties = {
    $gt: Type.Optional(value), $gte: Type.Optional(value),
    $lt: Type.Optional(value), $lte: Type.Optional(value),
    $ne: Type.Optional(value),
    $in: Type.Optional(list), $nin: Type.Optional(list),
  }
  for (const name of Object.keys(extension).sort()) operators[name] = Type.Optional(bare(extension[name] as TSchema))
  return Type.Object(operators, closed)
}

/**
 * The Feathers query schema for TypeBox 0.34: each property of `schema` optional and accepting a
 * value or `{ $gt, $gte, $lt, $lte, $ne, $in, $nin }` plus the property's `extensions` (as in
 * `@feathersjs/typebox`: `{ text: { $like: Type.String() } }`), then `$limit`, `$skip`, `$sort`,
 * `$select`, `$or`, and `$and` whose items are filters or `{ $or: [...] }`; no other keys (a
 * client can't probe fields the query does not list).
 */
export function querySyntax<P extends TProperties, const X extends TQueryExtensions<P> = {}>(
  schema: TObject<P>,
  extensions?: X,
): NoInfer<TQuerySyntax<P, X>> {
  const keys = Object.keys(schema.properties).sort()
  const filter: Record<string, TSchema> = {}
  const sort: Record<string, TSchema> = {}
  for (const key of keys) {
    const value = bare(schema.properties[key] as TSchema)
    const extension = extensions !== undefined && Object.hasOwn(extensions, key) ? extensions[key as keyof X] : undefined
    filter[key] = Type.Optional(Type.Union([value, operatorsFor(value, (extension ?? {}) as TProperties)]))
    sort[key] = Type.Optional(Type.Union([Type.Literal(1), Type.Literal(-1)]))
  }
  for (const key of Object.keys(extensions ?? {})) {
    if (!keys.includes(key)) throw new TypeError(`querySyntax: extensions name '${key}', which is not a property of the schema`)
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
    $and: Type.Optional(Type.Array(Type.Union([filterObject, Type.Object({ $or: Type.Array(filterObject) }, closed)]))),
  }, closed) as unknown as TQuerySyntax<P, X>
}
