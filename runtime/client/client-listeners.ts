/**
 * The typed listener methods of the generated client `S` for its event map `E` (event name →
 * payload); each returns `S` itself, so calls chain. Every generated client extends it rather
 * than declaring the four methods again: 500 services' copies made the parsed client.ts some 15 MB
 * larger, which pushed tsc's heap over V8's marking limit in the middle of a check. `S` is passed
 * in rather than written `this`: an interface using `this` gets a this-type, and TypeScript then
 * instantiates each member it reads (every generic method among them) once more.
 */
export interface ClientListeners<E, S> {
  on<K extends keyof E & string>(event: K, listener: (payload: E[K]) => void): S
  once<K extends keyof E & string>(event: K, listener: (payload: E[K]) => void): S
  /** Without a listener, removes every listener of `event`. */
  off<K extends keyof E & string>(event: K, listener?: (payload: E[K]) => void): S
  removeListener<K extends keyof E & string>(event: K, listener: (payload: E[K]) => void): S
}
