/** How a change affects clients that were built against the old schemas. */
export type Verdict = 'breaking' | 'warning' | 'safe'

/** Which way a schema travels: to the server (what clients send), to the client, or both (the id). */
export type Direction = 'to-server' | 'to-client' | 'both'

/** One difference between two schema folders, judged. */
export interface Change {
  /** The service path; empty for what belongs to no service (the connection). */
  service: string
  /** Where in the service: `service`, `method find`, `data`, `patch`, `query`, `id`, `result`, `event created`, `custom markRead data`, … */
  where: string
  /** The JSON path inside that schema (`user.role`, `readBy[]`); empty for the whole. */
  path: string
  /** What changed, in words. */
  message: string
  verdict: Verdict
}

/** A difference inside one schema, judged for each direction it could travel in. */
export interface SchemaChange {
  path: string
  message: string
  toServer: Verdict
  toClient: Verdict
}

/** Fewer values are valid now: breaks what clients send, safe for what they receive. */
export const narrows = { toServer: 'breaking', toClient: 'safe' } as const
/** More values are valid now: safe for what clients send, breaks what they receive. */
export const widens = { toServer: 'safe', toClient: 'breaking' } as const
/** Neither contains the other (a type changed): breaks both ways. */
export const conflicts = { toServer: 'breaking', toClient: 'breaking' } as const

const rank: Record<Verdict, number> = { safe: 0, warning: 1, breaking: 2 }

/** The verdict of a schema change for the direction its schema travels in; `both` takes the worse. */
export function verdictFor(change: SchemaChange, direction: Direction): Verdict {
  if (direction === 'to-server') return change.toServer
  if (direction === 'to-client') return change.toClient
  return rank[change.toServer] >= rank[change.toClient] ? change.toServer : change.toClient
}
