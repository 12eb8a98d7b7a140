import type { TSchema } from '@sinclair/typebox'
import { ConnectionBrand } from './brand.js'

/** What `defineConnection` returns: the schema of `socket.feathers`, branded for the generator. */
export interface ConnectionDeclaration<T extends TSchema = TSchema> {
  readonly schema: T
  readonly [ConnectionBrand]: true
}

/**
 * Declares what socket middleware puts on `socket.feathers` (e.g. `user`); it becomes
 * `params.connection` and optional fields of every service's params. At most one per schema folder.
 */
export function defineConnection<T extends TSchema>(schema: T): ConnectionDeclaration<T> {
  return Object.freeze({ schema, [ConnectionBrand]: true as const })
}

/** True for a value made by `defineConnection`, from any copy of this package. */
export function isConnectionDeclaration(value: unknown): value is ConnectionDeclaration {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ConnectionBrand] === true
}
