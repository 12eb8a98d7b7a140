import type { ServiceSpec } from './synthesize-services.js'

/** The Feathers CLI's names for a service: upperName (the record) and the service class. */
export const upper = (spec: ServiceSpec) => spec.record
export const className = (spec: ServiceSpec) => `${spec.record}Service`
