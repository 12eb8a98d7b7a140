/**
 * socket.io-client's `Socket`, from either of its builds. The package ships separate typings for
 * its ES module and CommonJS builds, and their `Socket` classes are not assignable to each other;
 * which one an app's `io()` returns depends on its module format and resolution mode. Naming both
 * (TypeScript ≥5.3 accepts `resolution-mode` in every mode) lets `createClient` take either
 * without a cast; at run time they are the same class.
 */
export type ClientSocket =
  | import('socket.io-client', { with: { 'resolution-mode': 'import' } }).Socket
  | import('socket.io-client', { with: { 'resolution-mode': 'require' } }).Socket
