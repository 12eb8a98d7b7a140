import type { Socket } from 'socket.io'

/**
 * Default bound on a connection's unanswered calls. Without a bound an unread call cost the server
 * 1.4–4 KB of RSS (a client flooding 20k / 80k calls it never read: +63 / +108 MiB; issue 14
 * measured ~4 KB), so 256 hold a connection to about 1 MB, while a client keeping 64 calls in
 * flight (the round-trip benchmark) or a `Promise.all` over a page of ids is never refused.
 */
export const DEFAULT_MAX_PENDING_CALLS = 256

/** Unsent answers, as a multiple of the bound, at which a connection is closed (refusals are ~200 bytes). */
const CLOSE_FACTOR = 4

/** What happens to an arriving call: it runs, it is refused (429), or the connection is closed. */
export type Admission = 'run' | 'refuse' | 'close'

/** One connection's count of calls that have not finished or whose answers have not been sent. */
export interface PendingCalls {
  /** Counts a new call in when it may run. */
  admit(): Admission
  /** Counts a finished call out (its answer is queued, and then counted as unsent). */
  release(): void
}

/**
 * Answers engine.io holds for a client that is not reading them: it queues packets while the
 * transport is not writable (the previous write has not drained), so this grows exactly when the
 * client stops reading.
 */
function unsentAnswers(socket: Socket): number {
  return (socket.conn as unknown as { writeBuffer?: readonly unknown[] }).writeBuffer?.length ?? 0
}

/**
 * The bound of SPEC §8 for one socket: calls still running plus answers not yet sent may not
 * exceed `max`; past it calls are refused (a 429 answer, which is small), and once `4 × max`
 * answers wait unsent (a client that reads not even its refusals) the connection is closed, so
 * no client can grow server memory without limit.
 */
export function limitPendingCalls(socket: Socket, max: number): PendingCalls {
  let running = 0
  return {
    admit() {
      const unsent = unsentAnswers(socket)
      if (running + unsent < max) {
        running++
        return 'run'
      }
      // Only answers piling up unsent close the connection: a client that reads them (a burst of
      // calls from `Promise.all`) gets its refusals and keeps its connection.
      return unsent < CLOSE_FACTOR * max ? 'refuse' : 'close'
    },
    release() {
      if (running > 0) running--
    },
  }
}
