/** Schema authoring for feathers-sio-gen: what a schema module imports. */
export { defineService, isServiceDeclaration } from './define-service.js'
export type {
  CustomMethodDefinition, DataRequirement, MultiMethod, ServiceDeclaration, ServiceOptions, StandardMethod,
} from './define-service.js'
export { defineConnection, isConnectionDeclaration } from './define-connection.js'
export type { ConnectionDeclaration } from './define-connection.js'
export { querySyntax } from './query-syntax.js'
export type { TQueryExtensions, TQueryFilter, TQueryOperators, TQueryProperty, TQuerySyntax } from './query-syntax.js'
export { ConnectionBrand, QueryFilterBrand, ServiceBrand } from './brand.js'
