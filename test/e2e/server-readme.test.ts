import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { test } from 'node:test'
import { closeApp } from '../helpers/start-server.js'
import { connectClient } from '../helpers/connect-client.js'
import { app, start, typing } from '../types/server-readme-example.js'

// The complete server of README.md, run: sign up, log in through the socket middleware,
// post, and receive the cleaned events a logged-in client is published.

test('the docs server works end to end', async (t) => {
  t.mock.method(console, 'log', () => {})
  const server = await start(0)
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const anonymous = await connectClient(url)
  let member: Awaited<ReturnType<typeof connectClient>> | undefined
  try {
    const user = await anonymous.client.service('users').create({ email: 'ann@example.test', name: 'Ann', password: 'correct horse' })
    assert.deepEqual(Object.keys(user).sort(), ['createdAt', 'email', 'id', 'name', 'role'])
    await assert.rejects(anonymous.client.service('messages').create({ text: 'hi' }), { code: 401 })

    member = await connectClient(url, { auth: { token: String(user.id) } })
    member.useService('messages', ['find', 'get', 'create', 'patch', 'remove', 'markRead'])
    const events: Array<[string, unknown]> = []
    member.socket.on('messages created', (payload: unknown) => events.push(['created', payload]))
    member.socket.on('messages typing', (payload: unknown) => events.push(['typing', payload]))
    const messages = member.client.service('messages') as unknown as Record<'create' | 'markRead', (data: unknown) => Promise<any>>
    const message = await messages.create({ text: 'hello' })
    assert.equal(message.userId, user.id)
    assert.deepEqual(await messages.markRead({ ids: [message.id] }), { updated: 1 })
    typing(user.id)
    for (let waited = 0; events.length < 2 && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 20))
    assert.deepEqual(events.map(([event]) => event).sort(), ['created', 'typing'])
  } finally {
    anonymous.close()
    member?.close()
    await closeApp(app, server)
  }
})
