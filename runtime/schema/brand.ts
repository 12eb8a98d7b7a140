/**
 * Brands on the values `defineService` and `defineConnection` return. `Symbol.for` makes them
 * global, so a schema module that imports another copy of this package is still recognised.
 */
export const ServiceBrand: unique symbol = Symbol.for('feathers-sio-gen/service') as never
/** Brand on the value `defineConnection` returns. */
export const ConnectionBrand: unique symbol = Symbol.for('feathers-sio-gen/connection') as never
/**
 * Marks the filter object `querySyntax` builds (used by `$or` and `$and`), so `types.ts` declares
 * it once as `<Query>Filter` instead of writing it out twice in every query type.
 */
export const QueryFilterBrand: unique symbol = Symbol.for('feathers-sio-gen/query-filter') as never
