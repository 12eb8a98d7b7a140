// No call of a generated client waits past options.timeout (default 10 s): it rejects with a
// Feathers Timeout. Also pins down why the runtime adds this: the official client does not.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Timeout, Unavailable } from '@feathersjs/errors'
import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import socketioClient from '@feathersjs/socketio-client'
import { io } from 'socket.io-client'
import { DEFAULT_TIMEOUT } from 'feathers-sio-gen/client'
import { createClient } from '../.generated/client.js'
import { connectSocket } from '../helpers/client-socket.js'
import { startPlainSocketioServer } from '../helpers/plain-socketio-server.js'
import type { RunningApp } from '../helpers/plain-socketio-server.js'
import { startSilentSocketServer } from '../helpers/silent-socket-server.js'

/** Awaits `promise`, returning what it rejected with and how long it took (ms). */
async function rejection(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now()
  const error = await promise.then(() => assert.fail('expected a rejection'), (e: unknown) => e)
  return { error, ms: performance.now() - started }
}

describe('call timeout', () => {
  let server: RunningApp
  let silent: Awaited<ReturnType<typeof startSilentSocketServer>>
  before(async () => {
    server = await startPlainSocketioServer((app) => {
      // A service whose calls never settle, and one that answers slowly (but in time).
      app.use('messages', {
        find: () => new Promise(() => {}),
        get: (id: number) => new Promise((resolve) => setTimeout(() => resolve({ id }), 100)),
      })
    })
    silent = await startSilentSocketServer()
  })
  after(async () => {
    await server.close()
    await silent.close()
  })

  test('a service that never resolves: Timeout after options.timeout, naming the call', async () => {
    const socket = await connectSocket(server.url)
    try {
      const client = createClient(socket, { timeout: 300 })
      const { error, ms } = await rejection(client.service('messages').find())
      assert.ok(error instanceof Timeout, String(error))
      assert.equal(error.code, 408)
      assert.deepEqual(error.data, { timeout: 300, method: 'find', path: 'messages' })
      assert.ok(ms >= 280 && ms < 2000, `took ${ms} ms`)
      // A slower answer within the timeout still arrives, and the socket is still usable.
      assert.deepEqual(await client.service('messages').get(5), { id: 5 })
    } finally {
      socket.close()
    }
  })

  test('an event nobody answers (a bare socket.io server): Timeout, also for undeclared paths', async () => {
    const socket = await connectSocket(silent.url)
    try {
      const client = createClient(socket, { timeout: 200 })
      const declared = await rejection(client.service('users').get(1))
      assert.ok(declared.error instanceof Timeout)
      assert.ok(declared.ms < 2000)
      // Paths the client does not declare (e.g. `authentication`) get the timeout too.
      const other = await rejection((client as unknown as Application).service('authentication').create({}))
      assert.ok(other.error instanceof Timeout)
      assert.equal(Object.keys((socket as unknown as { acks: object }).acks).length, 0, 'no answer handler left behind')
    } finally {
      socket.close()
    }
  })

  test('a custom method the plain server does not know (it never answers those): Timeout', async () => {
    const socket = await connectSocket(server.url)
    try {
      const { error, ms } = await rejection(createClient(socket, { timeout: 300 }).service('messages').markRead({ ids: [1] }))
      assert.ok(error instanceof Timeout, String(error))
      assert.deepEqual(error.data, { timeout: 300, method: 'markRead', path: 'messages' })
      assert.ok(ms < 2000, `took ${ms} ms`)
    } finally {
      socket.close()
    }
  })

  test('a socket that never connects: Timeout', async () => {
    const socket = io(silent.url, { autoConnect: false, reconnection: false })
    const client = createClient(socket, { timeout: 150 })
    const { error } = await rejection(client.service('messages').find())
    assert.ok(error instanceof Timeout)
    socket.close()
  })

  test('a socket that disconnects while a call waits: Unavailable at once', async () => {
    const socket = await connectSocket(server.url)
    const client = createClient(socket, { timeout: 5000 })
    const pending = rejection(client.service('messages').find())
    setTimeout(() => socket.disconnect(), 50)
    const { error, ms } = await pending
    assert.ok(error instanceof Unavailable, String(error))
    assert.ok(ms < 2000, `took ${ms} ms`)
  })

  test('without options a call gives up after 10 s', async () => {
    assert.equal(DEFAULT_TIMEOUT, 10_000)
    const socket = await connectSocket(silent.url)
    try {
      const { error, ms } = await rejection(createClient(socket).service('messages').find())
      assert.ok(error instanceof Timeout)
      assert.ok(ms >= 9900 && ms < 12_000, `took ${ms} ms`)
    } finally {
      socket.close()
    }
  })

  test('an unusable timeout is refused when the client is created', () => {
    const socket = io(silent.url, { autoConnect: false })
    for (const timeout of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      assert.throws(() => createClient(socket, { timeout }), TypeError, String(timeout))
    }
  })

  test('why: the official client ignores its timeout option, and socket.io ackTimeout rejects with a plain Error', async () => {
    const socket = await connectSocket(silent.url)
    const app = feathers().configure(socketioClient.default(socket as never, { timeout: 100 }))
    const outcome = await Promise.race([
      app.service('messages').find().then(() => 'answered', () => 'rejected'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500)),
    ])
    assert.equal(outcome, 'still waiting')
    socket.close()

    const timed = io(silent.url, { ackTimeout: 100, reconnection: false, transports: ['websocket'] })
    const plain = feathers().configure(socketioClient.default(timed as never))
    const { error } = await rejection(plain.service('messages').find())
    assert.ok(error instanceof Error && !(error instanceof Timeout), String(error))
    timed.close()
  })
})
