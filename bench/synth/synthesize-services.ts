/** The kinds of field a synthesized schema uses: scalars, formats, a union, a nullable, arrays and nesting. */
export type FieldKind = 'string' | 'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'datetime' | 'email' | 'nullable' | 'tags' | 'nested'

/** One property of a synthesized record. */
export interface FieldSpec {
  name: string
  kind: FieldKind
  optional: boolean
  /** The literals of an `enum` field. */
  values?: readonly string[]
  /** The properties of a `nested` field. */
  fields?: readonly FieldSpec[]
}

/** One synthesized service: a record with an integer id, what create takes, what find can query. */
export interface ServiceSpec {
  index: number
  /** `orders-007` */
  path: string
  /** `Orders007`: the service's PascalCase, as generated type names use it. */
  pascal: string
  /** `orders007`: the Feathers CLI's camelName. */
  camel: string
  /** `Order007`: the record's name (singular, so named schemas never collide with service types). */
  record: string
  /** The record's properties besides `id` (7 to 9, so a record has 8 to 10). */
  fields: FieldSpec[]
  /** The properties create takes (6 to 8: all but the server-set ones). */
  dataKeys: string[]
  /** The properties find can filter on (6, `id` included): scalars only. */
  queryKeys: string[]
}

const nouns = [
  ['orders', 'Order'], ['invoices', 'Invoice'], ['tickets', 'Ticket'], ['projects', 'Project'], ['tasks', 'Task'],
  ['notes', 'Note'], ['devices', 'Device'], ['reports', 'Report'], ['comments', 'Comment'], ['shipments', 'Shipment'],
] as const

const address: FieldSpec = {
  name: 'address', kind: 'nested', optional: false,
  fields: [
    { name: 'street', kind: 'string', optional: false },
    { name: 'city', kind: 'string', optional: false },
    { name: 'zip', kind: 'string', optional: true },
    { name: 'geo', kind: 'nested', optional: true, fields: [{ name: 'lat', kind: 'number', optional: false }, { name: 'lng', kind: 'number', optional: false }] },
  ],
}

/** The pool a record draws from; `server` fields are set by the server and never sent by create. */
const pool: readonly (FieldSpec & { server?: true })[] = [
  { name: 'title', kind: 'string', optional: false },
  { name: 'body', kind: 'text', optional: true },
  { name: 'status', kind: 'enum', optional: false, values: ['draft', 'open', 'closed', 'archived'] },
  { name: 'priority', kind: 'enum', optional: true, values: ['low', 'normal', 'high'] },
  { name: 'ownerId', kind: 'integer', optional: false },
  { name: 'score', kind: 'number', optional: true },
  { name: 'active', kind: 'boolean', optional: false },
  { name: 'contact', kind: 'email', optional: true },
  { name: 'note', kind: 'nullable', optional: true },
  { name: 'tags', kind: 'tags', optional: true },
  { ...address, optional: true },
  { name: 'dueAt', kind: 'datetime', optional: true },
  { name: 'createdAt', kind: 'datetime', optional: false, server: true },
  { name: 'updatedAt', kind: 'datetime', optional: true, server: true },
]

const scalar = new Set<FieldKind>(['string', 'integer', 'number', 'boolean', 'enum', 'datetime', 'email'])

/** A small deterministic PRNG (mulberry32): the same N gives the same services every run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` distinct items of `list`, in list order. */
function pick<T>(list: readonly T[], count: number, next: () => number): T[] {
  const keys = list.map((item, i) => ({ item, i, k: next() })).sort((a, b) => a.k - b.k).slice(0, count)
  return keys.sort((a, b) => a.i - b.i).map((k) => k.item)
}

/** `n` realistic services, deterministic for a given `n` and `seed`. */
export function synthesizeServices(n: number, seed = 42): ServiceSpec[] {
  const next = random(seed)
  const width = Math.max(3, String(n).length)
  return Array.from({ length: n }, (_, index) => {
    const [plural, singular] = nouns[index % nouns.length]!
    const number = String(index + 1).padStart(width, '0')
    const chosen = pick(pool.filter((f) => !f.server), 6 + Math.floor(next() * 3), next)
    const server = pool.filter((f) => f.server).slice(0, 1 + Math.floor(next() * 2))
    const fields = [...chosen, ...server].map(({ server: _server, ...field }) => field)
    const queryable = ['id', ...fields.filter((f) => scalar.has(f.kind)).map((f) => f.name)]
    return {
      index,
      path: `${plural}-${number}`,
      pascal: `${plural[0]!.toUpperCase()}${plural.slice(1)}${number}`,
      camel: `${plural}${number}`,
      record: `${singular}${number}`,
      fields,
      dataKeys: chosen.map((f) => f.name),
      queryKeys: queryable.slice(0, 6),
    }
  })
}
