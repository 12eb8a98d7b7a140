import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hooks as localHooks } from '@feathersjs/authentication-local'
import authenticationClient from '@feathersjs/authentication-client'
import { NotFound } from '@feathersjs/errors'
import type { Application } from '@feathersjs/feathers'
import { socketio } from 'feathers-sio-gen/server'
import { registerServices } from '../.generated/server.js'
import type { UsersService } from '../.generated/server.js'
import type { User } from '../.generated/types.js'
import { configureAuthentication } from '../helpers/configure-authentication.js'
import { connectClient } from '../helpers/connect-client.js'
import { createSampleServices } from '../helpers/sample-services.js'
import { startServer } from '../helpers/start-server.js'

// Ids are validated for transport calls (SPEC §8), and Feathers' JWT strategy still works: logging
// in with a token over the socket makes the strategy get the user by the token's `sub` — a
// string — once internally and once more with the client's provider. The exact text of a valid
// integer id is converted, so that second call passes and the `users` service (id
// `Type.Integer()`) receives the number its type declares.

type StoredUser = User & { password: string }

test('JWT login over Socket.io: the strategy gets the user by its string sub, converted to the integer id', async () => {
  const stored: StoredUser[] = []
  const seenIds: unknown[] = []
  const users: UsersService = {
    async find(params) { return stored.filter((user) => params.query.email === undefined || user.email === params.query.email) },
    async get(id, params) {
      // The strategy's first look-up is internal (no provider, not checked): its id is the string.
      if (params.provider !== undefined) seenIds.push(id)
      const user = stored.find((candidate) => candidate.id === Number(id))
      if (user === undefined) throw new NotFound('No such user')
      return user
    },
    async create(data) {
      const user: StoredUser = { id: stored.length + 1, email: data.email, name: data.name, role: 'member', createdAt: new Date(0).toISOString(), password: data.password }
      stored.push(user)
      return user
    },
    async patch(id, data) { return Object.assign(await users.get(id, { query: {} }), data) },
  }
  const server = await startServer((app: Application) => {
    app.configure(socketio())
    configureAuthentication(app)
    const typed = registerServices(app, { users, messages: createSampleServices().messages })
    typed.service('users').hooks({ before: { create: [localHooks.hashPassword('password')] } })
    return typed
  })
  const connected = await connectClient(server.url)
  const client = connected.client.configure(authenticationClient.default({ storage: new authenticationClient.MemoryStorage() }))
  try {
    await client.service('users').create({ email: 'jo@example.test', name: 'Jo', password: 'correct horse' })
    const { accessToken } = await client.authenticate({ strategy: 'local', email: 'jo@example.test', password: 'correct horse' })
    seenIds.length = 0
    const again = await client.authenticate({ strategy: 'jwt', accessToken })
    assert.equal(again.user.id, 1)
    assert.equal('password' in again.user, false)
    assert.deepEqual(seenIds, [1], 'the look-up with the client\'s provider got the integer id')
    // A client still cannot send a non-integer id.
    await assert.rejects(client.service('users').get('one' as never), (error: { code?: number }) => error.code === 400)
  } finally {
    await client.logout().catch(() => undefined)
    connected.close()
    await server.close()
  }
})
