import assert from 'node:assert/strict'
import { test } from 'node:test'
import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import { MemoryService } from '@feathersjs/memory'
import { registerService, registerServices } from '../.generated/server.js'
import type { MessagesService } from '../.generated/server.js'
import type { Message } from '../.generated/types.js'
import { connectClient } from '../helpers/connect-client.js'
import { createSampleServices } from '../helpers/sample-services.js'
import { restCall, startKoaServer } from '../helpers/start-koa-server.js'

// `paginate` kept consistent between the schema and the service (issue 10, point 6): messages is
// declared `paginate: true`, so its clients are typed for a page. A find that returns an array
// fails closed with a clear 500 instead of sending a shape the client is not typed for; an
// adapter configured the other way is refused when it is registered; an internal call may still
// ask for the array with `paginate: false`.

const MESSAGE: Message = { id: 1, text: 'hi', userId: 1, createdAt: '2024-01-02T03:04:05.000Z', readBy: [] }

test('a paginated service whose find returns an array fails closed over REST and Socket.io', async () => {
  const sample = createSampleServices()
  const arrays = { ...sample.messages, find: (async () => [MESSAGE]) as unknown as MessagesService['find'] }
  const server = await startKoaServer((app: Application) => registerServices(app, { users: sample.users, messages: arrays }))
  const connected = await connectClient(server.url)
  connected.useService('messages', ['find'])
  try {
    const answer = await restCall(`${server.url}/messages`)
    assert.equal(answer.status, 500)
    assert.equal(answer.body.name, 'GeneralError')
    assert.match(answer.body.message, /'messages' is declared with paginate: true, but find returned no page/)
    await assert.rejects(connected.client.service('messages').find({ query: {} }), { code: 500, message: /paginate: true/ })
    // users is declared without paginate; a page from its find would fail the same way.
  } finally {
    connected.close()
    await server.close()
  }
})

test('an internal find may ask for the array with paginate: false; without it, a page is required', async () => {
  const store = new MemoryService<Message>({ paginate: { default: 10, max: 50 }, multi: false })
  const markRead: MessagesService['markRead'] = async (data) => ({ updated: data.ids.length })
  const server = await startKoaServer((app: Application) => registerService(app, 'messages', Object.assign(store, { markRead }) as never))
  try {
    const messages = server.app.service('messages')
    await messages.create(MESSAGE as never)
    const all: Message[] = await messages.find({ paginate: false })
    assert.deepEqual(all.map((message) => message.id), [1])
    const page = await messages.find({})
    assert.equal(page.total, 1)
  } finally {
    await server.close()
  }
})

test("an adapter whose paginate disagrees with the schema is refused at registration", async () => {
  const sample = createSampleServices()
  const unpaginated = Object.assign(new MemoryService<Message>({}), { markRead: sample.messages.markRead })
  const app = feathers()
  assert.throws(() => registerService(app, 'messages', unpaginated as never),
    /service 'messages' is declared with paginate: true, but its adapter's options have no paginate; pass paginate: \{ default, max \}/)
  const paginated = new MemoryService({ paginate: { default: 5, max: 10 } })
  assert.throws(() => registerService(app, 'users', paginated as never), /service 'users' is declared without paginate, but its adapter paginates/)
  assert.deepEqual(Object.keys(app.services), [], 'nothing was registered')
})
