import assert from 'node:assert/strict'
import { test } from 'node:test'
import { connectClient } from '../helpers/connect-client.js'
import { startSampleServer } from '../helpers/start-sample-server.js'

// registerServices' options, and its hooks under the plain @feathersjs/socketio transport.

test('calls inside the server are not validated by default', async () => {
  const server = await startSampleServer()
  try {
    const messages = server.app.service('messages') as unknown as { create(data: unknown): Promise<unknown>; on(event: string, listener: (payload: unknown) => void): void }
    const published: unknown[] = []
    messages.on('created', (payload) => published.push(payload))
    const logged: unknown[] = []
    const error = console.error
    console.error = (...args: unknown[]) => { logged.push(args) }
    try {
      // The caller gets its result as returned; a result its schema cannot clean is never published.
      const created = await messages.create({ text: 42 }) as { text: unknown }
      assert.equal(created.text, 42)
    } finally {
      console.error = error
    }
    assert.deepEqual(server.services.calls.map((call) => call.method), ['create'])
    assert.equal(server.services.calls[0]?.params.provider, undefined)
    assert.deepEqual(published, [])
    assert.equal(logged.length, 1)
    assert.match(String((logged[0] as unknown[])[1]), /events were not published/)
  } finally {
    await server.close()
  }
})

test('validateInternalCalls validates calls inside the server too', async () => {
  const server = await startSampleServer({ register: { validateInternalCalls: true } })
  try {
    const messages = server.app.service('messages') as unknown as { create(data: unknown): Promise<unknown> }
    await assert.rejects(messages.create({ text: 42 }), (error: { code: number; errors: Array<{ path: string }> }) => {
      assert.equal(error.code, 400)
      assert.deepEqual(error.errors.map((failure) => failure.path), ['/data/text'])
      return true
    })
    await assert.rejects(messages.create(JSON.parse('{"text":"x","__proto__":{"polluted":1}}')), { code: 400 })
    assert.deepEqual(server.services.calls, [])
  } finally {
    await server.close()
  }
})

test('validateResults fails a wrong result shape with GeneralError (500), checked after cleaning', async () => {
  const server = await startSampleServer({ register: { validateResults: true } })
  const connected = await connectClient(server.url)
  try {
    const users = connected.client.service('users')
    // The stored record carries password and hash: cleaned away first, so this one is valid.
    assert.equal((await users.get(1)).email, 'ada@example.com')
    server.services.store.users.get(1)!.email = 'no longer an email'
    await assert.rejects(users.get(1), (error: { code: number; name: string; errors: Array<{ path: string }> }) => {
      assert.equal(error.code, 500)
      assert.equal(error.name, 'GeneralError')
      assert.deepEqual(error.errors.map((failure) => failure.path), ['/email'])
      return true
    })
    await assert.rejects(users.find(), (error: { code: number; errors: Array<{ path: string }> }) => {
      assert.equal(error.code, 500)
      assert.deepEqual(error.errors.map((failure) => failure.path), ['/0/email'])
      return true
    })
  } finally {
    connected.close()
    await server.close()
  }
})

test('with plain @feathersjs/socketio the hooks still guard, validate and clean', async () => {
  const server = await startSampleServer({ transport: 'feathers' })
  const connected = await connectClient(server.url, { auth: { userId: 1 } })
  try {
    const users = connected.client.service('users')
    await users.find({ query: { role: 'admin' } })
    const params = server.services.calls[0]?.params
    assert.equal(params?.provider, 'socketio')
    assert.equal(params?.user?.id, 1, 'io.use middleware → params.user')
    assert.ok(server.app.channel('role:admin').connections.includes(params?.connection as never), 'params.connection is what channels hold')
    server.services.calls.length = 0
    // Feathers merges the query with Object.assign, which turns an own `__proto__` key into
    // the query's prototype: the hook refuses the swapped prototype.
    await assert.rejects(users.find({ query: JSON.parse('{"__proto__":{"polluted":true}}') }), { code: 400 })
    await assert.rejects(users.create(JSON.parse('{"email":"a@b.cd","name":"A","password":"long-enough","__proto__":{"polluted":true}}')), { code: 400 })
    await assert.rejects(users.create({ email: 'bad', name: 'A', password: 'long-enough' }), { code: 400 })
    assert.deepEqual(server.services.calls, [])
    assert.deepEqual(Object.keys(await users.get(1)).sort(), ['createdAt', 'email', 'id', 'name', 'role'])
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  } finally {
    connected.close()
    await server.close()
  }
})
