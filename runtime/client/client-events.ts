/**
 * Typed listener methods of a client service for the event map `E` (event name → payload).
 * The socket delivers the payload alone, so a listener takes one argument.
 */
export interface ClientEvents<E> {
  on<K extends keyof E & string>(event: K, listener: (payload: E[K]) => void): this
  once<K extends keyof E & string>(event: K, listener: (payload: E[K]) => void): this
  /** Without a listener, removes every listener of `event`. */
  off<K extends keyof E & string>(event: K, listener?: (payload: E[K]) => void): this
  removeListener<K extends keyof E & string>(event: K, listener: (payload: E[K]) => void): this
}
