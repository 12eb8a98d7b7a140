import assert from 'node:assert/strict'
import { test } from 'node:test'
import { authenticate } from '@feathersjs/authentication'
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

// @feathersjs/authentication's local strategy on services registered by the generated
// registerServices: its internal `users.find` (no provider) still reads the password hash, while
// neither the sign-up result nor the user in the authentication response carries it.

type StoredUser = User & { password: string }

test('local then JWT authentication over Socket.io; the hash never reaches the client', async () => {
  const stored: StoredUser[] = []
  const users: UsersService = {
    async find(params) { return stored.filter((user) => params.query.email === undefined || user.email === params.query.email) },
    async get(id) {
      // Number(): the JWT strategy looks the user up by the token's `sub`, a string.
      const user = stored.find((candidate) => candidate.id === Number(id))
      if (user === undefined) throw new NotFound(`No user ${id}`)
      return user
    },
    async create(data) {
      const user: StoredUser = { id: stored.length + 1, email: data.email, name: data.name, role: 'member', createdAt: new Date(0).toISOString(), password: data.password }
      stored.push(user)
      return user
    },
    async patch(id, data) { return Object.assign(await users.get(id, { query: {} }), data) },
  }
  const sample = createSampleServices()
  const server = await startServer((app: Application) => {
    app.configure(socketio())
    configureAuthentication(app)
    const typed = registerServices(app, { users, messages: sample.messages })
    typed.service('users').hooks({ before: { create: [localHooks.hashPassword('password')] } })
    typed.service('messages').hooks({ before: { create: [authenticate('jwt')] } })
    return typed
  })
  const connected = await connectClient(server.url)
  const client = connected.client.configure(authenticationClient.default({ storage: new authenticationClient.MemoryStorage() }))
  try {
    const created = await client.service('users').create({ email: 'ann@example.test', name: 'Ann', password: 'correct horse' })
    assert.deepEqual(Object.keys(created).sort(), ['createdAt', 'email', 'id', 'name', 'role'])
    assert.match(stored[0]?.password ?? '', /^\$2[aby]\$/, 'the stored password is a bcrypt hash')

    await assert.rejects(client.authenticate({ strategy: 'local', email: 'ann@example.test', password: 'wrong password' }), { code: 401 })
    const result = await client.authenticate({ strategy: 'local', email: 'ann@example.test', password: 'correct horse' })
    assert.equal(typeof result.accessToken, 'string')
    assert.equal(result.user.id, created.id)
    assert.equal('password' in result.user, false, 'the authentication response carries the cleaned user')

    const message = await client.service('messages').create({ text: 'signed in' })
    assert.equal(message.userId, created.id, 'the JWT hook put the user on params')
    const seen = sample.calls.find((call) => call.method === 'create')?.params
    assert.equal(seen?.user?.email, 'ann@example.test')
  } finally {
    await client.logout().catch(() => undefined)
    connected.close()
    await server.close()
  }
})
