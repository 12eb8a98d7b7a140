import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, test } from 'node:test'
import type { Application } from '@feathersjs/feathers'
import feathersSocketio from '@feathersjs/socketio'
import { Server } from 'socket.io'
import { socketio } from 'feathers-sio-gen/server'
import { connectClient, connectSocket, emitWithAck } from '../helpers/connect-client.js'
import { startSampleServer } from '../helpers/start-sample-server.js'
import { startServer } from '../helpers/start-server.js'

// What the Feathers Socket.io documentation promises, with this package's socketio(), and that
// every call is answered.

/** A tiny service that reports the params it was called with. */
const echo = { async find(params: Record<string, unknown>) { return { provider: params.provider, query: params.query, user: params.user ?? null } } }

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

describe('the four socketio() forms', () => {
  test('socketio(): app.io exists after listen and serves calls', async () => {
    const server = await startServer((app) => { app.configure(socketio()); app.use('echo', echo) })
    const connected = await connectClient(server.url)
    try {
      assert.ok(server.app.io instanceof Server)
      assert.equal((await connected.client.service('echo').find()).provider, 'socketio')
    } finally {
      connected.close()
      await server.close()
    }
  })

  test('socketio(callback): called with the Socket.io server, `this` the app', async () => {
    let received: unknown
    let self: unknown
    const server = await startServer((app) => {
      app.configure(socketio(function (this: Application, io) { received = io; self = this }))
      app.use('echo', echo)
    })
    try {
      assert.ok(received instanceof Server)
      assert.equal(received, server.app.io)
      assert.equal(self, server.app)
    } finally {
      await server.close()
    }
  })

  test('socketio(options, callback): the path /ws/', async () => {
    let called = false
    const server = await startServer((app) => { app.configure(socketio({ path: '/ws/' }, () => { called = true })); app.use('echo', echo) })
    try {
      assert.ok(called)
      await assert.rejects(connectSocket(server.url), 'the default path is not served')
      const connected = await connectClient(server.url, { path: '/ws/' })
      assert.equal((await connected.client.service('echo').find()).provider, 'socketio')
      connected.close()
    } finally {
      await server.close()
    }
  })

  test('socketio(port, options, callback): Socket.io on a separate port', async () => {
    const port = await freePort()
    let io: unknown
    const server = await startServer((app) => { app.configure(socketio(port, { path: '/ws/' }, (server) => { io = server })); app.use('echo', echo) })
    try {
      assert.ok(io instanceof Server)
      assert.notEqual(port, server.port)
      const connected = await connectClient(`http://127.0.0.1:${port}`, { path: '/ws/' })
      assert.equal((await connected.client.service('echo').find({ query: { a: '1' } })).provider, 'socketio')
      connected.close()
    } finally {
      await server.close()
    }
  })
})

describe('params over Socket.io', () => {
  test('io.use sets socket.feathers.user → params.user; provider is socketio; connection is what channels hold', async () => {
    const server = await startSampleServer()
    const admin = await connectClient(server.url, { auth: { userId: 1 } })
    try {
      await admin.client.service('users').find({ query: { role: 'admin' } })
      const [call] = server.services.calls
      assert.ok(call !== undefined)
      assert.equal(call.params.provider, 'socketio')
      assert.equal(call.params.user?.id, 1)
      assert.equal(call.params.connection?.user?.id, 1)
      assert.deepEqual(call.params.query, { role: 'admin' })
      assert.ok(typeof call.params.headers === 'object')
      assert.ok(server.app.channel('everyone').connections.includes(call.params.connection as never), 'the channel holds params.connection')
      assert.ok(server.app.channel('role:admin').connections.includes(call.params.connection as never))
    } finally {
      admin.close()
      await server.close()
    }
  })

  test('a client can set nothing but params.query', async () => {
    const server = await startSampleServer()
    const anonymous = await connectClient(server.url)
    try {
      const params = { query: {}, provider: 'rest', user: { id: 1, role: 'admin' }, connection: { user: { id: 1 } }, headers: { authorization: 'x' }, route: { a: '1' } }
      await anonymous.client.service('users').find(params)
      const seen = server.services.calls[0]?.params
      assert.equal(seen?.provider, 'socketio')
      assert.equal(seen?.user, undefined)
      assert.equal(seen?.connection?.user, undefined)
      assert.notEqual((seen?.headers as Record<string, unknown> | undefined)?.authorization, 'x')
      // A raw extra argument is refused, never mapped onto params.
      await assert.rejects(emitWithAck(anonymous.socket, 2000, 'find', 'users', {}, { provider: 'rest' }).then(([error]) => { throw error }), { code: 400 })
    } finally {
      anonymous.close()
      await server.close()
    }
  })

  test('a channel joined by role gets an event that other connections do not', async () => {
    const server = await startSampleServer()
    server.app.service('messages').publish('typing', () => server.app.channel('role:admin'))
    const admin = await connectClient(server.url, { auth: { userId: 1 } })
    const anonymous = await connectClient(server.url)
    try {
      const got = { admin: [] as unknown[], anonymous: [] as unknown[] }
      admin.socket.on('messages typing', (payload: unknown) => got.admin.push(payload))
      anonymous.socket.on('messages typing', (payload: unknown) => got.anonymous.push(payload))
      server.app.service('messages').emit('typing', { userId: 1, typing: true })
      for (let waited = 0; got.admin.length === 0 && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 20))
      // A round trip on the anonymous socket: had the event been sent to it, it would have arrived first.
      await anonymous.client.service('users').find()
      assert.deepEqual(got.admin, [{ userId: 1, typing: true }])
      assert.deepEqual(got.anonymous, [])
    } finally {
      admin.close()
      anonymous.close()
      await server.close()
    }
  })
})

describe('every call is answered', () => {
  test('plain @feathersjs/socketio leaves an unknown method unanswered (the gap this closes)', async () => {
    const server = await startServer((app) => { app.configure(feathersSocketio()); app.use('echo', echo) })
    const socket = await connectSocket(server.url)
    try {
      await assert.rejects(emitWithAck(socket, 300, 'frobnicate', 'echo', {}), /timed out/)
    } finally {
      socket.close()
      await server.close()
    }
  })

  test('an unknown method, a non-string path, a bad argument list or no ack: 4xx answers, the server keeps serving', async () => {
    const server = await startSampleServer()
    const socket = await connectSocket(server.url)
    try {
      const answer = async (...args: unknown[]) => (await emitWithAck(socket, 2000, ...(args as [string, ...unknown[]])))[0] as { code: number; name: string }
      assert.equal((await answer('frobnicate', 'users', {})).code, 405)
      assert.equal((await answer('frobnicate')).code, 405)
      assert.equal((await answer('find', 42, {})).code, 400)
      assert.equal((await answer('find', { path: 'users' }, {})).code, 400)
      assert.equal((await answer('find')).code, 400)
      assert.equal((await answer('find', 'users', {}, {}, {})).code, 400)
      assert.equal((await answer('find', 'nowhere', {})).code, 404)
      assert.equal((await answer('update', 'users', 1, {}, {})).code, 405)
      assert.equal((await answer('get', 'users', 999, {})).code, 404)
      socket.emit('find', 'users', {})
      socket.emit('frobnicate', 'users')
      socket.emit('find', 42)
      socket.emit('create', 'users', 'not data', 'and', 'more', 'arguments')
      const [error, users] = await emitWithAck(socket, 2000, 'find', 'users', {})
      assert.equal(error, null)
      assert.ok(Array.isArray(users))
    } finally {
      socket.close()
      await server.close()
    }
  })
})

test('an event the application handles itself passes through untouched', async () => {
  const server = await startServer((app) => {
    app.configure(socketio((io) => {
      io.on('connection', (socket) => socket.on('ping-me', (value: unknown, ack: (reply: unknown) => void) => ack({ pong: value })))
    }))
    app.use('echo', echo)
  })
  const socket = await connectSocket(server.url)
  try {
    assert.deepEqual(await emitWithAck(socket, 2000, 'ping-me', 7), [{ pong: 7 }])
  } finally {
    socket.close()
    await server.close()
  }
})
