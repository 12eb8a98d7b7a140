// The generated client against the generated server (both from ./schemas): the pair a project
// gets from one `feathers-sio-gen ./schemas`. The official client against the generated server is
// covered by the server-*.test.ts files; this checks what the typed client adds on top.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { BadRequest, NotFound } from '@feathersjs/errors'
import type { Socket } from 'socket.io-client'
import { createClient } from '../.generated/client.js'
import type { Client } from '../.generated/client.js'
import type { Message, MessagesTypingEvent } from '../.generated/types.js'
import { connectSocket, nextEvents } from '../helpers/client-socket.js'
import { startSampleServer } from '../helpers/start-sample-server.js'
import type { SampleServer } from '../helpers/start-sample-server.js'

describe('generated client against the generated server', () => {
  let server: SampleServer
  let socket: Socket
  let client: Client

  before(async () => {
    server = await startSampleServer()
    // The sample server's socket middleware logs in the handshake's `auth.userId`.
    socket = await connectSocket(server.url, { auth: { userId: 1 } })
    client = createClient(socket, { timeout: 5000 })
  })
  after(async () => {
    socket.close()
    await server.close()
  })

  test('typed calls round-trip; results carry only what the schema declares', async () => {
    const messages = client.service('messages')
    const created = await messages.create({ text: 'hello' })
    assert.equal(created.userId, 1)
    assert.equal('internalNote' in created, false)
    assert.equal(created.user !== undefined && 'password' in created.user, false)
    const page = await messages.find({ query: { userId: 1, $limit: 5 } })
    assert.ok(page.data.some((message) => message.id === created.id))
    assert.equal((await messages.patch(created.id, { text: 'hello!' })).text, 'hello!')
    assert.deepEqual(await messages.markRead({ ids: [created.id] }), { updated: 1 })
    const ada = await client.service('users').get(1)
    assert.deepEqual(Object.keys(ada).sort(), ['createdAt', 'email', 'id', 'name', 'role'])
    const removed = await messages.remove(null)
    assert.ok(Array.isArray(removed) && removed.every((message) => !('internalNote' in message)))
  })

  test('invalid data and queries are BadRequest instances listing each failure; unknown ids NotFound', async () => {
    const error = await client.service('messages').create({ text: '' }).then(() => undefined, (e: unknown) => e)
    assert.ok(error instanceof BadRequest, String(error))
    const failures = error.errors as Array<{ path: string }> | undefined
    assert.ok(failures?.some((failure) => failure.path === '/data/text'), JSON.stringify(failures))
    // A query the types forbid, forced through: the server still refuses it.
    const query = await client.service('messages').find({ query: { text: 'x' } } as never).then(() => undefined, (e: unknown) => e)
    assert.ok(query instanceof BadRequest)
    const missing = await client.service('messages').get(999).then(() => undefined, (e: unknown) => e)
    assert.ok(missing instanceof NotFound)
  })

  test('standard and custom events arrive typed and cleaned', async () => {
    const messages = client.service('messages')
    const created = nextEvents<Message>((listener) => {
      messages.on('created', listener)
      return () => messages.off('created', listener)
    })
    const typing = nextEvents<MessagesTypingEvent>((listener) => {
      messages.once('typing', listener)
      return () => messages.off('typing', listener)
    })
    const message = await messages.create({ text: 'event' })
    assert.deepEqual(await created, [message])
    server.app.service('messages').emit('typing', { userId: 1, typing: true, password: 'plain-secret' })
    assert.deepEqual(await typing, [{ userId: 1, typing: true }])
  })
})
