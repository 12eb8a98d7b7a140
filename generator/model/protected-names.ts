import { EventEmitter } from 'node:events'

/**
 * Names Feathers refuses as method or event names (its `protectedMethods`): its hook and
 * lifecycle API, plus every own key of Object.prototype and EventEmitter.prototype. Feathers
 * lists only the enumerable keys; taking all own names also rejects `toString`, `constructor`
 * and `__proto__`, which would shadow what every service object relies on.
 */
export const PROTECTED_NAMES: ReadonlySet<string> = new Set([
  'all', 'around', 'before', 'after', 'error', 'hooks', 'setup', 'teardown', 'publish', 'on', 'emit',
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(EventEmitter.prototype),
])
