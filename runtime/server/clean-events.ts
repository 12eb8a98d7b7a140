import type { Application } from '@feathersjs/feathers'
import { cleanedDispatches, unsendableCalls } from './cleaned-results.js'
import { cleanStrictly } from './clean-results.js'
import type { ServiceValidators } from './service-descriptor.js'
import type { Cleaner } from './validator.js'

const STANDARD_EVENTS: ReadonlySet<string> = new Set(['created', 'updated', 'patched', 'removed'])

type Emitter = { emit(event: string | symbol, ...args: unknown[]): boolean }

/**
 * Makes every real-time event of a service publish a cleaned payload. Feathers' channels send
 * `context.dispatch || context.result` of the context an event is emitted with; a custom event
 * (`service.emit('typing', payload)`) has no context at all, and the events of a multi call carry
 * the whole call's context. So each event gets its own context holding only own properties —
 * feathers-sync copies contexts with `Object.assign`, which would drop inherited ones such as
 * `path` (Feathers names the event `${path} ${event}`) — with `result` and `dispatch` both the
 * cleaned payload, so nothing raw rides along. A payload that cannot be cleaned is refused with
 * `GeneralError` rather than sent raw; an array emitted as one standard event is cleaned record
 * by record.
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
    if (typeof context === 'object' && context !== null && unsendableCalls.has(context)) return false
    const standard = STANDARD_EVENTS.has(event as string)
    if (standard && isCleanedCall(context, payload)) return emit.call(this, event, payload, context)
    const what = `The '${path} ${String(event)}' event`
    const cleaned = standard && Array.isArray(payload)
      ? payload.map((record) => cleanStrictly(clean, record, what))
      : cleanStrictly(clean, payload, what)
    if (typeof cleaned === 'object' && cleaned !== null) cleanedDispatches.add(cleaned)
    const own = { ...contextFields(context), path, service, app, event, result: cleaned, dispatch: cleaned }
    return emit.call(this, event, payload, own)
  }
}

/** The enumerable fields of a call's context (a Feathers `HookContext` lists inherited ones in `toJSON`). */
function contextFields(context: unknown): Record<string, unknown> {
  if (typeof context !== 'object' || context === null) return {}
  const toJSON = (context as { toJSON?: unknown }).toJSON
  return typeof toJSON === 'function' ? { ...(toJSON.call(context) as object) } : { ...context }
}

/** True when `context` is the call's own, its single result is `payload`, and its dispatch is already clean. */
function isCleanedCall(context: unknown, payload: unknown): boolean {
  if (typeof context !== 'object' || context === null) return false
  const { result, dispatch } = context as { result?: unknown; dispatch?: unknown }
  return result === payload && !Array.isArray(result) && typeof dispatch === 'object' && dispatch !== null
    && cleanedDispatches.has(dispatch)
}
