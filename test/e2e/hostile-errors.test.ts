import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { BadRequest, GeneralError } from '@feathersjs/errors'
import { connectSocket, emitWithAck } from '../helpers/connect-client.js'
import { startHostileServer } from '../helpers/start-hostile-server.js'
import type { HostileServerOptions } from '../helpers/start-hostile-server.js'

// SPEC §8: no stack trace, absolute path or raw driver message in anything a client receives;
// what is hidden is logged in full on the server.

/** What a database driver says when a table is missing (the knex app of the issue). */
const DRIVER_MESSAGE = `insert into "users" ("email", "password") values ('a@b.cd', '$2a$10$abcdefghijklmnopqrstuv') - SQLITE_ERROR: no such table: users`

/** A driver error as @feathersjs/knex's errorHandler turns it into a Feathers error. */
function knexError(): GeneralError {
  const error = new GeneralError(DRIVER_MESSAGE)
  ;(error as unknown as Record<symbol, unknown>)[Symbol.for('@feathersjs/knex/error')] = Object.assign(new Error(DRIVER_MESSAGE), { code: 'SQLITE_ERROR' })
  return error
}

/** The error answer of one raw call on a fresh server built with `options`, and what it logged. */
async function answerOf(options: HostileServerOptions, event: string, ...args: unknown[]): Promise<{ error: Record<string, unknown>; logged: unknown[][] }> {
  const server = await startHostileServer(options)
  const socket = await connectSocket(server.url)
  try {
    const [error] = await emitWithAck(socket, 3000, event, ...args)
    assert.equal(typeof error, 'object', `expected an error answer, got ${JSON.stringify(error)}`)
    return { error: error as Record<string, unknown>, logged: server.logged }
  } finally {
    socket.close()
    await server.close()
  }
}

/** Asserts nothing in `answer` shows code locations or the driver's words. */
function assertNothingLeaks(answer: unknown): void {
  const text = JSON.stringify(answer)
  assert.ok(!/"stack"|node_modules|\.ts:\d|\.js:\d|at async|insert into|\$2a\$|SQLITE/.test(text) && !text.includes(process.cwd()), `leaks: ${text}`)
}

describe('errors leaving the server over Socket.io', () => {
  test('a non-Feathers error becomes GeneralError "Internal server error" and is logged in full', async () => {
    const thrown = new Error(`${DRIVER_MESSAGE} at ${process.cwd()}/src/services/messages.ts:12:7`)
    const { error, logged } = await answerOf({ messages: { async create() { throw thrown } } }, 'create', 'messages', { text: 'hi' }, {})
    assert.deepEqual(error, { name: 'GeneralError', message: 'Internal server error', code: 500, className: 'general-error' })
    assert.ok(logged.some((entry) => entry.includes(thrown)), 'the original error is logged')
  })

  test('a TypeError from service code (with its stack) becomes the same generic 500', async () => {
    const { error } = await answerOf({ messages: { async get() { return (null as unknown as { x: { y: number } }).x.y as never } } }, 'get', 'messages', 1, {})
    assert.equal(error['code'], 500)
    assert.equal(error['message'], 'Internal server error')
    assertNothingLeaks(error)
  })

  test('a Feathers error keeps its class, message and data, never a stack', async () => {
    const { error, logged } = await answerOf({ messages: { async get() { throw new BadRequest('No such shelf', { shelf: 7 }) } } }, 'get', 'messages', 1, {})
    assert.deepEqual(error, { name: 'BadRequest', message: 'No such shelf', code: 400, className: 'bad-request', data: { shelf: 7 } })
    assert.equal(logged.length, 0)
  })

  test('a Feathers error an adapter made from a driver error keeps its class, not the driver message', async () => {
    const { error, logged } = await answerOf({ messages: { async create() { throw knexError() } } }, 'create', 'messages', { text: 'hi' }, {})
    assert.equal(error['code'], 500)
    assert.equal(error['className'], 'general-error')
    assertNothingLeaks(error)
    assert.equal(logged.length, 1)
  })

  test('an error thrown by an app hook (outside the service hook) is hidden at the transport', async () => {
    const server = await startHostileServer()
    server.app.hooks({ around: { all: [async () => { throw new Error(`${DRIVER_MESSAGE} in ${process.cwd()}`) }] } })
    const socket = await connectSocket(server.url)
    try {
      const [error] = await emitWithAck(socket, 3000, 'find', 'users', {})
      assert.equal((error as { code: number }).code, 500)
      assertNothingLeaks(error)
      assert.equal(server.logged.length, 1)
    } finally {
      socket.close()
      await server.close()
    }
  })

  test('exposeErrors shows the message (development only)', async () => {
    const { error } = await answerOf({ register: { exposeErrors: true }, messages: { async create() { throw new Error('table messages is missing') } } }, 'create', 'messages', { text: 'hi' }, {})
    assert.equal(error['code'], 500)
    assert.equal(error['message'], 'table messages is missing')
  })
})

describe('errors through the hook, as any transport (REST) gets them', () => {
  test('a call with a provider gets the client error; an internal call the error as thrown', async () => {
    const thrown = new Error(DRIVER_MESSAGE)
    const server = await startHostileServer({ messages: { async create() { throw thrown } } })
    try {
      const messages = server.app.service('messages')
      await assert.rejects(messages.create({ text: 'hi' }, { provider: 'rest' } as never), (error: GeneralError) => {
        assert.equal(error.code, 500)
        assert.equal(error.message, 'Internal server error')
        assertNothingLeaks(error.toJSON())
        return true
      })
      await assert.rejects(messages.create({ text: 'hi' }), (error) => error === thrown)
      assert.equal(server.logged.length, 1)
    } finally {
      await server.close()
    }
  })
})
