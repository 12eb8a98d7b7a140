import type { TObject, TSchema } from '@sinclair/typebox'
import { ServiceBrand } from './brand.js'

/** The standard Feathers service methods a service may list. */
export type StandardMethod = 'find' | 'get' | 'create' | 'update' | 'patch' | 'remove'

/** The methods that may accept many records at once (`multi`). */
export type MultiMethod = 'create' | 'patch' | 'remove'

/** A Feathers custom method: called as `name(data, params)`. */
export interface CustomMethodDefinition {
  data: TSchema
  result: TSchema
}

/** Everything `defineService` accepts, before the `data` rule is applied. */
export interface ServiceOptions<M extends StandardMethod = StandardMethod> {
  /** The Feathers service path, e.g. `messages` or `users/:userId/posts`. */
  path: string
  /** The id schema; default `string | number`. */
  id?: TSchema
  /** One record as it leaves the server. Undeclared properties are stripped from results. */
  result: TSchema
  /** What `create` and `update` accept. */
  data?: TSchema
  /** What `patch` accepts; default `Partial(data)`. */
  patch?: TSchema
  /** The query schema (see `querySyntax`); default: an empty object, no keys allowed. */
  query?: TObject
  /** The standard methods this service offers. */
  methods: readonly M[]
  /** `find` resolves to `Paginated<result>`. */
  paginate?: boolean
  /** Which methods accept many records: `true` for all of create, patch and remove. */
  multi?: boolean | readonly MultiMethod[]
  /** Custom methods, each called as `name(data, params)`. */
  custom?: Readonly<Record<string, CustomMethodDefinition>>
  /** Custom real-time events and their payload schemas. */
  events?: Readonly<Record<string, TSchema>>
}

/** `data` is required as soon as `create` or `update` is listed. */
export type DataRequirement<M extends StandardMethod> = [Extract<M, 'create' | 'update'>] extends [never]
  ? unknown
  : { data: TSchema }

/** The value `defineService` returns: the definition, branded so the generator finds it. */
export type ServiceDeclaration<D extends ServiceOptions = ServiceOptions> = D & { readonly [ServiceBrand]: true }

/** Declares one Feathers service for the generator; export the result from a schema module. */
export function defineService<const M extends StandardMethod, const D extends ServiceOptions<M>>(
  definition: D & ServiceOptions<M> & DataRequirement<M>,
): ServiceDeclaration<D> {
  // No validation here: the generator checks every rule and reports all problems in one run,
  // which a throw at module load would prevent.
  return Object.freeze({ ...definition, [ServiceBrand]: true as const })
}

/** True for a value made by `defineService`, from any copy of this package. */
export function isServiceDeclaration(value: unknown): value is ServiceDeclaration {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ServiceBrand] === true
}
