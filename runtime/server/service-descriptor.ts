import type { StandardMethod } from '../schema/define-service.js'
import type { ServiceCoercion } from './coerce-rest-call.js'
import type { Cleaner, Validator } from './validator.js'

/** The validators and cleaner of one custom method. */
export interface CustomMethodValidators {
  data: Validator
  result: Validator
  clean: Cleaner
}

/** Everything `validators.ts` generates for one service. */
export interface ServiceValidators {
  /** create/update data; absent when the service has no `data`. */
  data?: Validator
  /** patch data; absent when the service has no patch schema. */
  patch?: Validator
  query: Validator
  result: Validator
  /** Reduces one record to the `result` schema. */
  clean: Cleaner
  custom: Readonly<Record<string, CustomMethodValidators>>
  /** One cleaner per custom event, for its payload. */
  events: Readonly<Record<string, Cleaner>>
  /** How a REST call's query and id are converted from strings before validation. */
  coerce?: ServiceCoercion
}

/** One service as `server.ts` describes it to `registerServices`. */
export interface ServiceDescriptor {
  path: string
  /** The listed standard methods. */
  methods: readonly StandardMethod[]
  /** Methods that accept an array of records (`multi`). */
  multi: readonly string[]
  /** The schema's `paginate`: what `find` must return (a page or an array); unchecked when absent. */
  paginate?: boolean
  validators: ServiceValidators
}
