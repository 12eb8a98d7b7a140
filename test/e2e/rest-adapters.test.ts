import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Application } from '@feathersjs/feathers'
import { KnexService } from '@feathersjs/knex'
import { MemoryService } from '@feathersjs/memory'
import knex from 'knex'
import type { Knex } from 'knex'
import siftModule from 'sift'
type Options = Parameters<typeof import('sift').createEqualsOperation>[2]
import { connectClient } from '../helpers/connect-client.js'
import type { ConnectedClient } from '../helpers/connect-client.js'
import { generateFixture } from '../helpers/generate-fixture.js'
import type { GeneratedFixture } from '../helpers/generate-fixture.js'
import { restCall, startKoaServer } from '../helpers/start-koa-server.js'
import type { RunningServer } from '../helpers/start-server.js'

// querySyntax's extension operators, nested $or/$and, REST conversion of every type, $select with
// validateResults, and the schema's multi passed on — against @feathersjs/knex on SQLite
// (better-sqlite3) and @feathersjs/memory, registered with the generated registerService and
// called over REST (Koa) and Socket.io. Neither adapter is given `multi`: the schema's reaches it.

const NOTES = [
  { text: 'buy milk', userId: 1, done: false, rating: 4.5, parentId: null },
  { text: 'buy eggs', userId: 2, done: true, rating: 3, parentId: 1 },
  { text: 'walk the dog', userId: 1, done: true, rating: 5, parentId: null },
  { text: 'call mom', userId: 2, done: false, rating: 2.5, parentId: 3 },
]
const paginate = { default: 10, max: 50 }

/** SQL LIKE as a RegExp: `%` any run, `_` one character, everything else literal. */
function likeRegExp(pattern: string, flags: string): RegExp {
  const body = [...pattern].map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')
  return new RegExp(`^${body}$`, `s${flags}`)
}

/** @feathersjs/memory's sift matcher taught $like, $ilike and $notlike (it knows only MongoDB's operators). */
// sift is CommonJS: from an ES module its functions hang off the default export.
const { default: sift, createEqualsOperation } = siftModule as unknown as typeof import('sift') & { default: typeof import('sift').default }

function likeMatcher(query: object) {
  const like = (flags: string, negate: boolean) => (pattern: string, owner: unknown, options: Options) =>
    createEqualsOperation((value: unknown) => typeof value === 'string' && likeRegExp(pattern, flags).test(value) !== negate, owner, options)
  return sift(query, { operations: { $like: like('', false), $ilike: like('i', false), $notlike: like('', true) } })
}

interface Adapter {
  name: string
  create(): Promise<{ service: object; close(): Promise<void> }>
  /** Hooks the adapter needs on the app, as an app using it would have them. */
  hooks?: Record<string, unknown>
}

/** SQLite has no boolean: `done` is stored as 0/1, so queries send numbers and results read booleans. */
const sqliteBooleans = {
  before: {
    all: [async (context: { params: { query?: unknown } }) => {
      const toNumbers = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(toNumbers)
        if (typeof value !== 'object' || value === null) return value
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'done' ? toBit(inner) : toNumbers(inner)]))
      }
      const toBit = (value: unknown): unknown => typeof value === 'boolean' ? Number(value) : toNumbers(value)
      context.params = { ...context.params, query: toNumbers(context.params.query) }
    }],
  },
  after: {
    all: [async (context: { result?: unknown }) => {
      const fix = (record: any) => { if (record !== null && typeof record === 'object' && 'done' in record) record.done = Boolean(record.done) }
      const result: any = context.result
      for (const record of Array.isArray(result) ? result : Array.isArray(result?.data) ? result.data : [result]) fix(record)
    }],
  },
}

const adapters: Adapter[] = [
  {
    name: '@feathersjs/knex on SQLite',
    async create() {
      const db: Knex = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true })
      await db.schema.createTable('notes', (table) => {
        table.increments('id')
        table.string('text')
        table.integer('userId')
        table.boolean('done')
        table.float('rating')
        table.integer('parentId').nullable()
      })
      return { service: new KnexService({ Model: db, name: 'notes', paginate }), close: () => db.destroy() }
    },
    hooks: sqliteBooleans,
  },
  {
    name: '@feathersjs/memory',
    async create() {
      const service = new MemoryService({ paginate, startId: 1, matcher: likeMatcher, operators: ['$like', '$ilike', '$notlike'] })
      return { service, close: async () => {} }
    },
  },
]

let fixture: GeneratedFixture
before(async () => { fixture = await generateFixture('notes') })
after(() => fixture.remove())

for (const adapter of adapters) {
  describe(adapter.name, () => {
    let server: RunningServer
    let socket: ConnectedClient
    let closeAdapter: () => Promise<void>
    const ids = async (query: string) => {
      const answer = await restCall(`${server.url}/notes?${query}`)
      assert.equal(answer.status, 200, `${query}: ${JSON.stringify(answer.body)}`)
      return (answer.body.data as Array<{ id: number }>).map((note) => note.id).sort()
    }

    before(async () => {
      const created = await adapter.create()
      closeAdapter = created.close
      server = await startKoaServer((app: Application) => {
        const typed = fixture.server['registerService'](app, 'notes', created.service, { validateResults: true })
        if (adapter.hooks !== undefined) typed.service('notes').hooks(adapter.hooks)
        return typed
      })
      for (const note of NOTES) await server.app.service('notes').create(note)
      socket = await connectClient(server.url)
      socket.useService('notes', ['find', 'get', 'create', 'patch', 'remove'])
    })
    after(async () => {
      socket?.close()
      await server?.close()
      await closeAdapter?.()
    })

    test('$like and $notlike, over REST and Socket.io', async () => {
      assert.deepEqual(await ids('text[$like]=buy%25'), [1, 2])
      assert.deepEqual(await ids('text[$notlike]=%25m%25'), [2, 3])
      const page = await socket.client.service('notes').find({ query: { text: { $like: '%dog' } } })
      assert.deepEqual(page.data.map((note: { id: number }) => note.id), [3])
    })

    test('nested $and with $or, and $or of operators', async () => {
      assert.deepEqual(await ids('$and[0][$or][0][userId]=1&$and[0][$or][1][done]=true&$and[1][text][$notlike]=%25dog'), [1, 2])
      assert.deepEqual(await ids('$or[0][rating][$gte]=5&$or[1][text][$like]=call%25'), [3, 4])
      const page = await socket.client.service('notes').find({ query: { $and: [{ $or: [{ userId: 2 }, { rating: { $gt: 4 } }] }, { done: false }] } })
      assert.deepEqual(page.data.map((note: { id: number }) => note.id).sort(), [1, 4])
    })

    test('REST converts booleans, numbers, null and $in arrays before the adapter sees them', async () => {
      assert.deepEqual(await ids('done=true'), [2, 3])
      assert.deepEqual(await ids('rating[$gte]=4.5'), [1, 3])
      assert.deepEqual(await ids('parentId=null'), [1, 3])
      assert.deepEqual(await ids('parentId[$in]=1&parentId[$in]=3'), [2, 4])
      const sorted = await restCall(`${server.url}/notes?$sort[rating]=-1&$limit=2`)
      assert.deepEqual(sorted.body.data.map((note: { id: number }) => note.id), [3, 1])
      assert.equal(sorted.body.limit, 2)
    })

    test('$select with validateResults: only the selected fields are required', async () => {
      const answer = await restCall(`${server.url}/notes?$select[]=text&userId=1`)
      assert.equal(answer.status, 200, JSON.stringify(answer.body))
      assert.deepEqual(answer.body.data.map((note: object) => Object.keys(note).sort()), [['id', 'text'], ['id', 'text']])
      const one = await restCall(`${server.url}/notes/1?$select=rating`)
      assert.equal(one.status, 200, JSON.stringify(one.body))
      assert.deepEqual(one.body, { id: 1, rating: 4.5 })
      const page = await socket.client.service('notes').find({ query: { $select: ['done'], id: 2 } })
      assert.deepEqual(page.data, [{ id: 2, done: true }])
    })

    test("the schema's multi reaches the adapter: patch(null) and remove(null) over REST and Socket.io", async () => {
      const patched = await restCall(`${server.url}/notes?userId=2`, { method: 'PATCH', body: { rating: 1 } })
      assert.equal(patched.status, 200, JSON.stringify(patched.body))
      assert.deepEqual(patched.body.map((note: { id: number }) => note.id).sort(), [2, 4])
      const removed = await restCall(`${server.url}/notes?done=false&userId=2`, { method: 'DELETE' })
      assert.equal(removed.status, 200, JSON.stringify(removed.body))
      assert.deepEqual(removed.body.map((note: { id: number }) => note.id), [4])
      const viaSocket = await socket.client.service('notes').remove(null, { query: { userId: 2 } })
      assert.deepEqual(viaSocket.map((note: { id: number }) => note.id), [2])
      // create is not in the schema's multi: an array is refused before the adapter runs.
      const many = await restCall(`${server.url}/notes`, { method: 'POST', body: [NOTES[0], NOTES[1]] })
      assert.equal(many.status, 400)
    })
  })
}

describe('$ilike', () => {
  test('@feathersjs/memory (with a $ilike matcher) matches case-insensitively', async () => {
    const service = new MemoryService({ paginate, startId: 1, matcher: likeMatcher, operators: ['$like', '$ilike', '$notlike'] })
    const server = await startKoaServer((app: Application) => fixture.server['registerService'](app, 'notes', service))
    try {
      for (const note of NOTES) await server.app.service('notes').create(note)
      const answer = await restCall(`${server.url}/notes?text[$ilike]=BUY%25`)
      assert.equal(answer.status, 200, JSON.stringify(answer.body))
      assert.deepEqual(answer.body.data.map((note: { id: number }) => note.id).sort(), [1, 2])
    } finally {
      await server.close()
    }
  })

  test('@feathersjs/knex on SQLite has no ILIKE: the call fails with an error, never a wrong answer', async (t) => {
    const db: Knex = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true })
    await db.schema.createTable('notes', (table) => { table.increments('id'); table.string('text') })
    const server = await startKoaServer((app: Application) => fixture.server['registerService'](app, 'notes', new KnexService({ Model: db, name: 'notes', paginate })))
    try {
      const answer = await restCall(`${server.url}/notes?text[$ilike]=BUY%25`)
      assert.ok(answer.status >= 400, `status ${answer.status}`)
      t.diagnostic(`knex + SQLite, $ilike: ${answer.status} ${answer.body?.name}: ${answer.body?.message}`)
      assert.doesNotMatch(JSON.stringify(answer.body), /\/work\/|node_modules|\n\s+at /, 'no stack or path reaches the client')
    } finally {
      await server.close()
      await db.destroy()
    }
  })
})
