// The generated client (test/.generated/client.ts for ./schemas) against a plain
// @feathersjs/socketio server whose services are registered by hand: no generated server code.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { BadRequest, FeathersError, NotFound } from '@feathersjs/errors'
import type { Application, Params } from '@feathersjs/feathers'
import type { Socket } from 'socket.io-client'
import { createClient } from '../.generated/client.js'
import type { Message } from '../.generated/types.js'
import { connectSocket, nextEvents } from '../helpers/client-socket.js'
import { startPlainSocketioServer } from '../helpers/plain-socketio-server.js'
import type { RunningApp } from '../helpers/plain-socketio-server.js'

/** An in-memory `messages` service written against Feathers' own types, recording each call's params. */
class HandWrittenMessages {
  records: Message[] = []
  seenParams: Params[] = []
  // A plain property: Feathers serves an Object.create() wrapper, which private fields reject.
  nextId = 1
  async find(params: Params) {
    this.seenParams.push(params)
    const userId = params.query?.userId as number | undefined
    const data = this.records.filter((message) => userId === undefined || message.userId === userId)
    return { total: data.length, limit: 10, skip: 0, data }
  }
  async get(id: number, params: Params) {
    this.seenParams.push(params)
    const found = this.records.find((message) => message.id === id)
    if (found === undefined) throw new NotFound(`No message ${id}`, { id })
    return found
  }
  async create(data: { text: string }, params: Params) {
    this.seenParams.push(params)
    if (data.text === 'bad') throw new BadRequest('Invalid text', { field: 'text', reason: 'bad' })
    const message: Message = { id: this.nextId++, text: data.text, userId: 7, createdAt: new Date(0).toISOString(), readBy: [] }
    this.records.push(message)
    return message
  }
  async patch(id: number, data: { text?: string }, params: Params) {
    const message = await this.get(id, params)
    Object.assign(message, data)
    return message
  }
  async remove(id: number | null, params: Params) {
    this.seenParams.push(params)
    if (id === null) { const all = this.records; this.records = []; return all }
    const message = await this.get(id, params)
    this.records = this.records.filter((other) => other !== message)
    return message
  }
  async markRead(data: { ids: number[] }, params: Params) {
    this.seenParams.push(params)
    return { updated: data.ids.length }
  }
}

describe('generated client against a plain @feathersjs/socketio server', () => {
  let server: RunningApp
  let socket: Socket
  let messages: HandWrittenMessages
  let client: ReturnType<typeof createClient>

  before(async () => {
    messages = new HandWrittenMessages()
    server = await startPlainSocketioServer((app: Application) => {
      app.use('messages', messages, {
        methods: ['find', 'get', 'create', 'patch', 'remove', 'markRead'], events: ['typing'],
      })
      app.on('connection', (connection) => app.channel('everybody').join(connection))
      app.publish(() => app.channel('everybody'))
    })
    socket = await connectSocket(server.url)
    client = createClient(socket)
  })
  after(async () => {
    socket.close()
    await server.close()
  })

  test('standard methods, multi remove and a custom method round-trip', async () => {
    const service = client.service('messages')
    const first = await service.create({ text: 'hello' })
    assert.equal(first.text, 'hello')
    await service.create({ text: 'world' })
    assert.deepEqual(await service.get(first.id), first)
    const page = await service.find({ query: { userId: 7 } })
    assert.equal(page.total, 2)
    assert.deepEqual(page.data.map((message) => message.text), ['hello', 'world'])
    assert.equal((await service.patch(first.id, { text: 'hi' })).text, 'hi')
    assert.deepEqual(await service.markRead({ ids: [1, 2, 3] }), { updated: 3 })
    assert.equal((await service.remove(first.id)).id, first.id)
    const removed = await service.remove(null)
    assert.deepEqual(removed.map((message) => message.text), ['world'])
  })

  test('only the query reaches the server, with provider socketio', async () => {
    messages.seenParams = []
    // A cast past the types: the transport still sends nothing but `query`.
    await client.service('messages').find({ query: { id: 1 }, user: { id: 1 }, provider: 'rest', headers: { a: 'b' } } as never)
    const [params] = messages.seenParams
    assert.deepEqual(params?.query, { id: 1 })
    assert.equal(params?.provider, 'socketio')
    assert.equal('user' in (params ?? {}), false)
  })

  test('errors arrive as @feathersjs/errors instances with their data', async () => {
    const service = client.service('messages')
    const badRequest = await service.create({ text: 'bad' }).then(() => undefined, (error: unknown) => error)
    assert.ok(badRequest instanceof BadRequest)
    assert.equal(badRequest.code, 400)
    assert.equal(badRequest.message, 'Invalid text')
    assert.deepEqual(badRequest.data, { field: 'text', reason: 'bad' })
    const notFound = await service.get(999).then(() => undefined, (error: unknown) => error)
    assert.ok(notFound instanceof NotFound)
    assert.ok(notFound instanceof FeathersError)
    assert.deepEqual(notFound.data, { id: 999 })
  })

  test('standard and custom events reach on/once listeners; off and removeListener stop them', async () => {
    const service = client.service('messages')
    const created = nextEvents<Message>((listener) => {
      service.on('created', listener)
      return () => service.off('created', listener)
    })
    const onceTexts: string[] = []
    service.once('created', (message) => onceTexts.push(message.text))
    const message = await service.create({ text: 'event' })
    assert.deepEqual((await created)[0], message)

    const patched = nextEvents<Message>((listener) => {
      service.on('patched', listener)
      return () => service.removeListener('patched', listener)
    })
    await service.patch(message.id, { text: 'patched' })
    assert.equal((await patched)[0]?.text, 'patched')

    const typing = nextEvents<{ userId: number; typing: boolean }>((listener) => {
      service.on('typing', listener)
      return () => service.off('typing', listener)
    })
    server.app.service('messages').emit('typing', { userId: 7, typing: true })
    assert.deepEqual(await typing, [{ userId: 7, typing: true }])

    // A second create: the `once` listener has gone, and so have the removed ones.
    const createdAgain = nextEvents<Message>((listener) => {
      service.on('created', listener)
      return () => service.off('created', listener)
    })
    await service.create({ text: 'again' })
    await createdAgain
    assert.deepEqual(onceTexts, ['event'])
    assert.equal(socket.listeners('messages created').length, 0)
    assert.equal(socket.listeners('messages patched').length, 0)
    assert.equal(socket.listeners('messages typing').length, 0)
  })

  test('a path nobody serves on the server rejects with NotFound', async () => {
    const error = await (client as unknown as Application).service('nowhere').find({}).then(() => undefined, (e: unknown) => e)
    assert.ok(error instanceof NotFound)
  })
})
