/** The server runtime of feathers-sio-gen: what generated `server.ts` and `validators.ts` import. */
export { registerServices } from './register-services.js'
export type { RegisterOptions } from './service-hook.js'
export type { FirstHook } from './run-first.js'
export { socketio } from './socketio.js'
export type { SocketioCallback } from './socketio.js'
export { answerEveryCall } from './answer-every-call.js'
export { createValidator } from './validator.js'
export type { Cleaner, ErrorCollector, ValidationFailure, Validator } from './validator.js'
export { format, KNOWN_FORMATS } from './formats.js'
export { hash, kind } from './compiled-helpers.js'
export { findPrototypeHazard, guardPrototypeKeys } from './guard-prototype-keys.js'
export type { CustomMethodValidators, ServiceDescriptor, ServiceValidators } from './service-descriptor.js'
export { coerceQuery } from './coerce-query.js'
export type { CoercionPlan, CoercionType } from './coerce-query.js'
export type { ServiceCoercion } from './coerce-rest-call.js'
export type {
  AuthenticationFields, AuthenticationRequest, CallableFind, CallableMethod, CallableService, CallParams, InternalParams,
  RestParams, ServerParams, SocketParams, Transport, WithServices,
} from './server-params.js'
export { passes, pointer, unionFailures } from './failure-helpers.js'
export { cleanLeaf } from './clean-leaf.js'
