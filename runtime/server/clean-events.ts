import type { Application } from '@feathersjs/feathers'
import { cleanedDispatches } from './cleaned-results.js'
import type { ServiceValidators } from './service-descriptor.js'
import type { Cleaner } from './validator.js'

const STANDARD_EVENTS: ReadonlySet<string> = new Set(['created', 'updated', 'patched', 'removed'])

type Emitter = { emit(event: string | symbol, ...args: unknown[]): boolean }

/**
 * Makes every real-time event of a service publish a cleaned payload. Feathers' channels send
 * `context.dispatch || context.result` of the context an event is emitted with; a custom event
 * (`service.emit('typing', payload)`) has no context at all, and the events of a multi call carry
 * the whole call's context. So each event gets its own context: the original as prototype
 * (publishers still read `params`, `path`, …), `result` the payload, `dispatch` the cleaned payload.
 */
export function cleanEvents(app: Application, path: string, service: object, validators: ServiceValidators): void {
  const emitter = service as Emitter
  const emit = emitter.emit
  const cleanerFor = (event: string | symbol): Cleaner | undefined =>
    typeof event !== 'string' ? undefined
      : STANDARD_EVENTS.has(event) ? validators.clean
      : Object.hasOwn(validators.events, event) ? validators.events[event]
      : undefined
  emitter.emit = function emitCleaned(this: unknown, event: string | symbol, ...args: unknown[]): boolean {
    const clean = cleanerFor(event)
    if (clean === undefined) return emit.call(this, event, ...args)
    const [payload, context] = args
    if (STANDARD_EVENTS.has(event as string) && isCleanedCall(context, payload)) return emit.call(this, event, payload, context)
    // The fake context Feathers' channels would build for a custom event, had we not.
    const base: object = typeof context === 'object' && context !== null ? context : { path, service, app }
    const own = Object.create(base) as object
    Object.defineProperties(own, {
      result: { value: payload, writable: true, enumerable: true, configurable: true },
      dispatch: { value: clean(payload), writable: true, enumerable: true, configurable: true },
    })
    return emit.call(this, event, payload, own)
  }
}

/** True when `context` is the call's own, its single result is `payload`, and its dispatch is already clean. */
function isCleanedCall(context: unknown, payload: unknown): boolean {
  if (typeof context !== 'object' || context === null) return false
  const { result, dispatch } = context as { result?: unknown; dispatch?: unknown }
  return result === payload && !Array.isArray(result) && typeof dispatch === 'object' && dispatch !== null
    && cleanedDispatches.has(dispatch)
}
