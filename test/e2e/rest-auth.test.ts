import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { authenticate } from '@feathersjs/authentication'
import { hooks as localHooks } from '@feathersjs/authentication-local'
import authenticationClient from '@feathersjs/authentication-client'
import { NotFound } from '@feathersjs/errors'
import type { Application } from '@feathersjs/feathers'
import { registerService } from '../.generated/server.js'
import type { UsersService } from '../.generated/server.js'
import type { User } from '../.generated/types.js'
import { configureAuthentication } from '../helpers/configure-authentication.js'
import { connectClient } from '../helpers/connect-client.js'
import { createSampleServices } from '../helpers/sample-services.js'
import { restCall, startKoaServer } from '../helpers/start-koa-server.js'
import type { RunningServer } from '../helpers/start-server.js'

// Authentication before validation (issue 10, point 7): with `before: [authenticate('jwt')]` in
// the registration options, an anonymous caller with invalid data gets 401, not a 400 that would
// describe the schema — over REST and Socket.io. A `before` hook added with service.hooks runs
// after validation (Feathers runs around hooks first), which the last test shows.

/** An in-memory users service for the local strategy (it reads the stored hash through find). */
function createUsers(): UsersService {
  const stored: Array<User & { password: string }> = []
  const users: UsersService = {
    async find(params) { return stored.filter((user) => params.query.email === undefined || user.email === params.query.email) },
    async get(id) {
      const user = stored.find((candidate) => candidate.id === Number(id))
      if (user === undefined) throw new NotFound(`No user ${id}`)
      return user
    },
    async create(data) {
      const user = { id: stored.length + 1, email: data.email, name: data.name, role: 'member' as const, createdAt: new Date(0).toISOString(), password: data.password }
      stored.push(user)
      return user
    },
    async patch(id, data) { return Object.assign(await users.get(id, { query: {} }), data) },
  }
  return users
}

describe('authentication before validation', () => {
  let server: RunningServer
  let token: string
  const sample = createSampleServices()

  before(async () => {
    server = await startKoaServer((app: Application) => {
      configureAuthentication(app)
      const withUsers = registerService(app, 'users', createUsers())
      withUsers.service('users').hooks({ before: { create: [localHooks.hashPassword('password')] } })
      return registerService(withUsers, 'messages', sample.messages, { before: [authenticate('jwt')] })
    })
    const signup = await restCall(`${server.url}/users`, { method: 'POST', body: { email: 'ann@example.test', name: 'Ann', password: 'correct horse' } })
    assert.equal(signup.status, 201, JSON.stringify(signup.body))
    const login = await restCall(`${server.url}/authentication`, { method: 'POST', body: { strategy: 'local', email: 'ann@example.test', password: 'correct horse' } })
    assert.equal(login.status, 201, JSON.stringify(login.body))
    token = login.body.accessToken
  })
  after(async () => { await server?.close() })

  test('REST: anonymous invalid data gets 401; with a token the same data gets 400 listing the failures', async () => {
    const anonymous = await restCall(`${server.url}/messages`, { method: 'POST', body: { text: '', extra: 1 } })
    assert.equal(anonymous.status, 401, JSON.stringify(anonymous.body))
    assert.equal(JSON.stringify(anonymous.body).includes('/data/'), false, 'nothing about the schema')
    const anonymousQuery = await restCall(`${server.url}/messages?nope=1`)
    assert.equal(anonymousQuery.status, 401)
    const invalid = await restCall(`${server.url}/messages`, { method: 'POST', body: { text: '', extra: 1 }, token })
    assert.equal(invalid.status, 400)
    assert.deepEqual(invalid.body.data.map((failure: { path: string }) => failure.path).sort(), ['/data/extra', '/data/text'])
  })

  test('REST: an authenticated call reaches the service with provider rest, the user and params.authentication', async () => {
    const created = await restCall(`${server.url}/messages`, { method: 'POST', body: { text: 'over REST' }, token })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const params = sample.calls.at(-1)?.params
    assert.equal(params?.provider, 'rest')
    assert.equal(params?.authentication?.strategy, 'jwt')
    assert.equal(params?.user?.email, 'ann@example.test')
    assert.equal(created.body.userId, 1)
  })

  test('Socket.io: anonymous invalid data gets 401; after authenticating, 400', async () => {
    const connected = await connectClient(server.url)
    connected.useService('messages', ['find', 'get', 'create', 'patch', 'remove', 'markRead'])
    const client = connected.client.configure(authenticationClient.default({ storage: new authenticationClient.MemoryStorage() }))
    try {
      await assert.rejects(client.service('messages').create({ text: '' }), { code: 401 })
      await client.authenticate({ strategy: 'jwt', accessToken: token })
      await assert.rejects(client.service('messages').create({ text: '' }), (error: { code: number; data: unknown }) => {
        assert.equal(error.code, 400)
        assert.deepEqual((error.data as Array<{ path: string }>).map((failure) => failure.path), ['/data/text'])
        return true
      })
      const sent = await client.service('messages').create({ text: 'over Socket.io' })
      assert.equal(sent.userId, 1)
    } finally {
      await client.logout().catch(() => undefined)
      connected.close()
    }
  })
})

test('a before hook added with service.hooks runs after validation: anonymous invalid data gets 400', async () => {
  const sample = createSampleServices()
  const server = await startKoaServer((app: Application) => {
    configureAuthentication(app)
    const typed = registerService(registerService(app, 'users', createUsers()), 'messages', sample.messages)
    typed.service('messages').hooks({ before: { create: [authenticate('jwt')] } })
    return typed
  })
  try {
    const anonymous = await restCall(`${server.url}/messages`, { method: 'POST', body: { text: '' } })
    assert.equal(anonymous.status, 400, 'validation answered first: this is why `before` exists')
    const valid = await restCall(`${server.url}/messages`, { method: 'POST', body: { text: 'hi' } })
    assert.equal(valid.status, 401)
  } finally {
    await server.close()
  }
})
