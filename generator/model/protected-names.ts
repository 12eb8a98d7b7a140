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

/**
 * Own members of the Feathers Socket.io client service (`@feathersjs/transport-commons` client):
 * a custom method of that name would overwrite them (`methods('send')` replaces `send`, which
 * every call goes through), and it defines `_<name>` twins, so a leading `_` is taken too.
 */
export const CLIENT_SERVICE_NAMES: ReadonlySet<string> = new Set(['send', 'methods', 'events', 'path', 'connection', 'method'])
