import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { connectClient } from '../helpers/connect-client.js'
import type { ConnectedClient } from '../helpers/connect-client.js'
import { startSampleServer } from '../helpers/start-sample-server.js'
import type { SampleServer } from '../helpers/start-sample-server.js'

// SPEC §4 over a real Socket.io server and the official @feathersjs/socketio-client: one test per
// behaviour. The sample services return records with undeclared fields (password, passwordHash,
// internalNote, internalCursor, auditTrail) that must never reach a client.

let server: SampleServer
let connected: ConnectedClient
/** The official client, untyped (the typed client is tested with it). */
let client: { service(path: string): any }

before(async () => {
  server = await startSampleServer()
  connected = await connectClient(server.url, { auth: { userId: 1 } })
  connected.useService('messages', ['find', 'get', 'create', 'patch', 'remove', 'markRead'])
  client = connected.client
})
after(async () => {
  connected.close()
  await server.close()
})
beforeEach(() => { server.services.calls.length = 0 })

/** The rejection of `promise`, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<{ code: number; name: string; message: string; errors: Array<{ path: string; message: string }> }> {
  try {
    await promise
  } catch (error) {
    return error as never
  }
  assert.fail('expected the call to fail')
}

/** Asserts a 400 listing a failure at `path`, and that no service method ran. */
async function assertBadRequest(promise: Promise<unknown>, path: string): Promise<void> {
  const error = await rejection(promise)
  assert.equal(error.code, 400, error.message)
  assert.equal(error.name, 'BadRequest')
  assert.ok(Array.isArray(error.errors), 'errors is a list')
  assert.ok(error.errors.some((failure) => failure.path === path && typeof failure.message === 'string'),
    `a failure at ${path} in ${JSON.stringify(error.errors)}`)
  assert.deepEqual(server.services.calls, [], 'the service was never called')
}

const FORBIDDEN = ['password', 'passwordHash', 'internalNote', 'internalCursor', 'auditTrail']

/** Asserts that no forbidden field appears anywhere in `value`. */
function assertClean(value: unknown): void {
  const text = JSON.stringify(value)
  for (const field of FORBIDDEN) assert.ok(!text.includes(`"${field}"`), `${field} leaked in ${text}`)
}

describe('valid calls', () => {
  test('every method and the custom method run and answer', async () => {
    const messages = client.service('messages')
    const created = await messages.create({ text: 'hello' })
    assert.equal(created.text, 'hello')
    assert.equal((await messages.get(created.id)).id, created.id)
    assert.equal((await messages.patch(created.id, { text: 'edited' })).text, 'edited')
    const page = await messages.find({ query: { userId: 1, $limit: 5, $sort: { id: -1 } } })
    assert.equal(page.total, 1)
    assert.deepEqual(await messages.markRead({ ids: [created.id] }), { updated: 1 })
    assert.equal((await messages.remove(created.id)).id, created.id)
    const user = await client.service('users').create({ email: 'bob@example.org', name: 'Bob', password: 'long-enough' })
    assert.equal(user.email, 'bob@example.org')
    assert.deepEqual(server.services.calls.map((call) => call.method), ['create', 'get', 'patch', 'find', 'markRead', 'remove', 'create'])
  })

  test('a call without a query reaches the service with query {}', async () => {
    await client.service('users').find()
    assert.deepEqual(server.services.calls[0]?.params.query, {})
  })
})

describe('invalid data', () => {
  test('a missing required property', () => assertBadRequest(client.service('messages').create({}), '/data/text'))
  test('a wrong type', () => assertBadRequest(client.service('messages').create({ text: 42 }), '/data/text'))
  test('a string too long', () => assertBadRequest(client.service('messages').create({ text: 'x'.repeat(501) }), '/data/text'))
  test('an undeclared property', () => assertBadRequest(client.service('messages').create({ text: 'hi', userId: 2 }), '/data/userId'))
  test('a string format (email)', () => assertBadRequest(client.service('users').create({ email: 'not-an-email', name: 'X', password: 'long-enough' }), '/data/email'))
  test('data that is not an object', () => assertBadRequest(client.service('messages').create('text'), '/data'))
  test('patch data', () => assertBadRequest(client.service('users').patch(1, { password: 'short' }), '/data/password'))
  test('patch data with a field only create takes', () => assertBadRequest(client.service('users').patch(1, { email: 'a@b.cd' }), '/data/email'))
  test('custom method data', () => assertBadRequest(client.service('messages').markRead({ ids: ['1'] }), '/data/ids/0'))
  test('every failure is listed', async () => {
    const error = await rejection(client.service('users').create({ email: 'nope', name: '', password: 'short', extra: true }))
    assert.deepEqual(error.errors.map((failure) => failure.path).sort(), ['/data/email', '/data/extra', '/data/name', '/data/password'])
  })
})

describe('invalid query', () => {
  test('a wrong value type', () => assertBadRequest(client.service('messages').find({ query: { userId: 'one' } }), '/query/userId'))
  test('a negative $limit', () => assertBadRequest(client.service('messages').find({ query: { $limit: -1 } }), '/query/$limit'))
  test('an unknown query key', () => assertBadRequest(client.service('messages').find({ query: { text: 'x' } }), '/query/text'))
  test('an unknown operator', () => assertBadRequest(client.service('messages').find({ query: { userId: { $regex: '.*' } } }), '/query/userId/$regex'))
  test('a query on get', () => assertBadRequest(client.service('users').get(1, { query: { role: 'root' } }), '/query/role'))
  test('a $select naming an undeclared field', () => assertBadRequest(client.service('users').find({ query: { $select: ['password'] } }), '/query/$select/0'))
})

describe('prototype keys', () => {
  const parse = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>
  after(() => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was not polluted')
  })
  test('__proto__ in data', () => assertBadRequest(client.service('messages').create(parse('{"text":"x","__proto__":{"polluted":true}}')), '/args/0/__proto__'))
  test('__proto__ nested in data', () => assertBadRequest(client.service('messages').markRead(parse('{"ids":[],"x":{"__proto__":{"polluted":true}}}')), '/args/0/x/__proto__'))
  test('__proto__ in the query', () => assertBadRequest(client.service('messages').find({ query: parse('{"__proto__":{"polluted":true}}') }), '/args/0/__proto__'))
  test('__proto__ in the id', () => assertBadRequest(client.service('messages').get(parse('{"__proto__":{"polluted":true}}')), '/args/0/__proto__'))
  test('constructor.prototype in data', () => assertBadRequest(client.service('messages').create(parse('{"text":"x","constructor":{"prototype":{"polluted":true}}}')), '/args/0/constructor'))
  test('constructor.prototype in the query', () => assertBadRequest(client.service('users').find({ query: parse('{"constructor":{"prototype":{"polluted":true}}}') }), '/args/0/constructor'))
  test('nothing was polluted', () => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false)
  })
})

describe('what leaves the server', () => {
  test('results: get, create, patch, find pages and custom results keep only declared fields', async () => {
    const users = client.service('users')
    const ada = await users.get(1)
    assert.deepEqual(Object.keys(ada).sort(), ['createdAt', 'email', 'id', 'name', 'role'])
    assertClean(await users.find())
    assertClean(await users.create({ email: 'eve@example.org', name: 'Eve', password: 'long-enough' }))
    assertClean(await users.patch(1, { name: 'Ada L.' }))
    const messages = client.service('messages')
    const created = await messages.create({ text: 'nested author' })
    assert.equal(created.user.email, 'ada@example.com', 'the nested user is there')
    assertClean(created)
    const page = await messages.find()
    assert.deepEqual(Object.keys(page).sort(), ['data', 'limit', 'skip', 'total'])
    assertClean(page)
    assertClean(await messages.markRead({ ids: [created.id] }))
    assertClean(await messages.remove(created.id))
  })

  test('events: standard events, multi-remove events and custom events are cleaned', async () => {
    const messages = client.service('messages')
    const received: Array<[string, unknown]> = []
    const listen = (event: string) => messages.on(event, (payload: unknown) => received.push([event, payload]))
    for (const event of ['created', 'patched', 'removed', 'typing']) listen(event)
    const first = await messages.create({ text: 'one' })
    await messages.create({ text: 'two' })
    await messages.patch(first.id, { text: 'one!' })
    const removed = await server.app.service('messages').remove(null)
    assert.ok(Array.isArray(removed) && removed.length >= 2)
    server.app.service('messages').emit('typing', { userId: 1, typing: true, password: 'plain-secret' })
    const expected = 3 + removed.length + 1
    for (let waited = 0; received.length < expected && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 20))
    assert.equal(received.length, expected, JSON.stringify(received))
    for (const [, payload] of received) {
      assert.ok(typeof payload === 'object' && payload !== null, 'every event carries a record')
      assertClean(payload)
    }
    assert.deepEqual(received.at(-1), ['typing', { userId: 1, typing: true }])
    for (const event of ['created', 'patched', 'removed', 'typing']) messages.removeAllListeners(event)
  })

  test('internal calls see the full record (e.g. an authentication strategy reading the hash)', async () => {
    const user = await server.app.service('users').get(1) as unknown as Record<string, unknown>
    assert.equal(user.passwordHash, '$2a$hash')
  })
})
