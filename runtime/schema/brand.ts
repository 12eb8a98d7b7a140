/**
 * Brands on the values `defineService` and `defineConnection` return. `Symbol.for` makes them
 * global, so a schema module that imports another copy of this package is still recognised.
 */
export const ServiceBrand: unique symbol = Symbol.for('feathers-sio-gen/service') as never
/** Brand on the value `defineConnection` returns. */
export const ConnectionBrand: unique symbol = Symbol.for('feathers-sio-gen/connection') as never
