import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { connectSocket, emitWithAck } from '../helpers/connect-client.js'
import { startHostileServer } from '../helpers/start-hostile-server.js'
import type { HostileServer } from '../helpers/start-hostile-server.js'

// SPEC §8 on the wire: prototype-member paths (failure class 1), reserved event names (class 2)
// and the bound on unanswered calls, with raw socket.io emits.

/** Paths naming Object.prototype members, alone and inside real paths. */
const PROTOTYPE_PATHS = [
  'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__',
  'messages/__proto__', 'messages/constructor', 'users/toString', 'constructor/messages', '/__proto__/', 'prototype',
]

/** Resolves once `condition` holds; rejects after `ms`. */
async function waitFor(condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Asserts an answer is a Feathers error with `code` and nothing a client must not see. */
function assertCleanError(answer: unknown, code: number): void {
  const error = answer as Record<string, unknown>
  assert.equal(typeof error, 'object', `expected an error, got ${JSON.stringify(answer)}`)
  assert.equal(error['code'], code, JSON.stringify(answer))
  assert.equal(typeof error['className'], 'string')
  assert.equal('stack' in error, false, 'no stack')
  const text = JSON.stringify(answer)
  assert.ok(!text.includes(process.cwd()) && !/node_modules|\.ts:\d|\.js:\d|TypeError/.test(text), `leaks: ${text}`)
}

for (const transport of ['sio-gen', 'feathers'] as const) {
  describe(`a path naming an Object.prototype member is a 404 (${transport === 'sio-gen' ? 'our socketio()' : 'plain @feathersjs/socketio'})`, () => {
    let server: HostileServer
    before(async () => { server = await startHostileServer({ transport }) })
    after(async () => { await server.close() })

    for (const method of ['find', 'get', 'create', 'patch', 'remove'] as const) {
      test(`${method} on every prototype path`, async () => {
        const socket = await connectSocket(server.url)
        try {
          const args: Record<typeof method, unknown[]> = { find: [{}], get: [1, {}], create: [{ text: 'x' }, {}], patch: [1, { text: 'x' }, {}], remove: [1, {}] }
          for (const path of PROTOTYPE_PATHS) {
            const [error] = await emitWithAck(socket, 2000, method, path, ...args[method])
            assertCleanError(error, 404)
            assert.equal((error as { name: string }).name, 'NotFound')
          }
          // The server still serves real paths on the same connection.
          const [error, page] = await emitWithAck(socket, 2000, 'find', 'messages', {})
          assert.equal(error, null)
          assert.equal((page as { total: number }).total >= 0, true)
        } finally {
          socket.close()
        }
      })
    }
  })
}

describe('reserved event names and the bound on unanswered calls', () => {
  for (const transport of ['sio-gen', 'feathers'] as const) {
    test(`socket.emit('error', cb) is answered with 405 (${transport === 'sio-gen' ? 'our socketio()' : 'plain @feathersjs/socketio + registerServices'})`, async () => {
      const server = await startHostileServer({ transport })
      const socket = await connectSocket(server.url)
      try {
        for (const args of [['error'], ['error', 'messages', {}], ['error', { x: 1 }], ['frobnicate', 'users', {}]]) {
          const [error] = await emitWithAck(socket, 2000, ...(args as [string, ...unknown[]]))
          assertCleanError(error, 405)
        }
        assert.equal((await emitWithAck(socket, 2000, 'get', 'users', 1, {}))[0], null)
      } finally {
        socket.close()
        await server.close()
      }
    })
  }

  test('past maxPendingCalls a call is refused with 429 at once; the held calls are still answered', async () => {
    const gate: Array<() => void> = []
    const server = await startHostileServer({
      socketio: { maxPendingCalls: 4 },
      users: { async get(id) { await new Promise<void>((resolve) => gate.push(resolve)); return { id, email: 'a@b.cd', name: 'A', role: 'member', createdAt: '2024-01-02T03:04:05.000Z' } } },
    })
    const socket = await connectSocket(server.url)
    try {
      const held = [1, 2, 3].map((id) => emitWithAck(socket, 5000, 'get', 'users', id, {}))
      // A call without an ack counts too: the server still runs it.
      socket.emit('get', 'users', 4, {})
      await waitFor(() => gate.length === 4)
      const started = Date.now()
      const [refused] = await emitWithAck(socket, 2000, 'get', 'users', 6, {})
      assertCleanError(refused, 429)
      assert.ok(Date.now() - started < 1000, 'refused without waiting')
      gate.splice(0).forEach((release) => release())
      for (const [error, user] of await Promise.all(held)) {
        assert.equal(error, null)
        assert.equal(typeof (user as { id: number }).id, 'number')
      }
      // All answered: the connection takes calls again.
      const next = emitWithAck(socket, 2000, 'get', 'users', 7, {})
      await waitFor(() => gate.length === 1)
      gate.splice(0).forEach((release) => release())
      assert.equal((await next)[0], null)
    } finally {
      gate.forEach((release) => release())
      socket.close()
      await server.close()
    }
  })

  test('a reading client bursting past the bound gets answers and 429s, and keeps its connection', async () => {
    const server = await startHostileServer({ socketio: { maxPendingCalls: 16 } })
    const socket = await connectSocket(server.url)
    try {
      const answers = await Promise.all(Array.from({ length: 48 }, () => emitWithAck(socket, 5000, 'get', 'users', 1, {})))
      const codes = answers.map(([error]) => (error === null ? 'ok' : (error as { code: number }).code))
      assert.ok(codes.includes('ok') && codes.every((code) => code === 'ok' || code === 429), JSON.stringify(codes))
      assert.ok(socket.connected)
      assert.equal((await emitWithAck(socket, 2000, 'get', 'users', 1, {}))[0], null)
    } finally {
      socket.close()
      await server.close()
    }
  })
})

describe('one guard pass per call', () => {
  test('a socket call is guarded by the transport; other transports and opted-in internal calls by the hook', async () => {
    const hazard = () => JSON.parse('{"text":"x","__proto__":{"polluted":true}}') as { text: string }
    const pathOf = (error: unknown) => (error as { errors?: Array<{ path: string }> }).errors?.[0]?.path
    const ours = await startHostileServer()
    const plain = await startHostileServer({ transport: 'feathers' })
    const internal = await startHostileServer({ register: { validateInternalCalls: true } })
    const sockets = await Promise.all([connectSocket(ours.url), connectSocket(plain.url)])
    try {
      // Socket calls, through our socketio() or plain @feathersjs/socketio (registerServices installs
      // the middleware there too): refused at the transport, before Feathers (the path names the argument).
      for (const socket of sockets) {
        assert.equal(pathOf((await emitWithAck(socket, 2000, 'create', 'messages', hazard(), {}))[0]), '/args/0/__proto__')
      }
      // A REST-like call and an opted-in internal call: refused by the hook.
      await assert.rejects(ours.app.service('messages').create(hazard(), { provider: 'rest' } as never), (error) => pathOf(error) === '/data/__proto__')
      await assert.rejects(internal.app.service('messages').create(hazard()), (error) => pathOf(error) === '/data/__proto__')
    } finally {
      sockets.forEach((socket) => socket.close())
      await Promise.all([ours.close(), plain.close(), internal.close()])
    }
  })
})
