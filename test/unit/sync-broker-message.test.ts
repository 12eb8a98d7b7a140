import assert from 'node:assert/strict'
import { test } from 'node:test'
import { brokerMessage } from '../../runtime/server/sync/broker-message.js'
import type { BrokerSchemas } from '../../runtime/server/sync/broker-message.js'
import { guardPublish } from '../../runtime/server/sync/guard-publish.js'
import { messagesValidators, usersValidators } from '../.generated/validators.js'

// What feathers-sync may publish, as plain data in and out: runtime/server/sync/broker-message.ts.

const stored = { id: 1, email: 'ada@example.com', name: 'Ada', role: 'admin', createdAt: '2024-01-02T03:04:05.000Z', password: 'plain', passwordHash: '$2a$h' }
const declared = { id: 1, email: 'ada@example.com', name: 'Ada', role: 'admin', createdAt: '2024-01-02T03:04:05.000Z' }
const schemas: BrokerSchemas = {
  services: new Map([['users', usersValidators], ['messages', messagesValidators]]),
  connection: usersValidators.connection,
  authenticationAt: (path) => (path === 'authentication' ? { entity: 'user', service: 'users' } : undefined),
}
const callContext = {
  path: 'users', method: 'create', type: 'around', event: 'created', id: 7,
  data: { email: 'ada@example.com', password: 'plain' }, arguments: [{ password: 'plain' }],
  result: stored, dispatch: stored, http: { headers: { cookie: 'sid=1' } },
  params: {
    provider: 'socketio', user: stored, authenticated: true, route: { orgId: '3' }, headers: { cookie: 'sid=1' },
    authentication: { strategy: 'jwt', accessToken: 'token' },
    connection: { user: stored, headers: { cookie: 'sid=1' }, authentication: { accessToken: 'token' } },
  },
}

test('validators.ts gives every service the connection cleaner (./schemas declares `user`)', () => {
  assert.equal(messagesValidators.connection, usersValidators.connection)
  assert.deepEqual(usersValidators.connection?.({ user: stored, headers: { cookie: 'sid=1' }, provider: 'socketio' }), { user: declared })
})

test('a generated service: the cleaned payload and the declared connection fields only', () => {
  const reduced = brokerMessage({ event: 'created', path: 'users', data: stored, context: callContext }, schemas)
  assert.deepEqual(reduced, {
    event: 'created', path: 'users', data: declared,
    context: {
      path: 'users', event: 'created', method: 'create', type: 'around', id: 7, result: declared, dispatch: declared,
      params: { provider: 'socketio', user: declared, authenticated: true, route: { orgId: '3' }, connection: { user: declared } },
    },
  })
})

test('a custom event without a context: cleaned by its event schema; an uncleanable one refused', () => {
  const reduced = brokerMessage({ event: 'typing', path: 'messages', data: { userId: 1, typing: true, mood: 'x' } }, schemas)
  assert.deepEqual(reduced, { event: 'typing', path: 'messages', data: { userId: 1, typing: true } })
  assert.throws(() => brokerMessage({ event: 'typing', path: 'messages', data: [stored] }, schemas), { name: 'GeneralError' })
  assert.deepEqual(brokerMessage({ event: 'created', path: 'users', data: [stored, stored] }, schemas).data, [declared, declared])
})

test('the authentication service: only the entity, cleaned; no token, no strategy data', () => {
  const data = { accessToken: 'token', authentication: { strategy: 'local', accessToken: 'token' }, user: stored }
  const context = { ...callContext, path: 'authentication', data: { strategy: 'local', email: 'ada@example.com', password: 'plain' }, result: data }
  const reduced = brokerMessage({ event: 'created', path: 'authentication', data, context }, schemas)
  assert.deepEqual(reduced.data, { user: declared })
  assert.doesNotMatch(JSON.stringify(reduced), /token|plain|\$2a|cookie/)
})

test('another service: what Feathers would send its clients (dispatch), per record of a multi call', () => {
  const context = { path: 'notes', result: [{ id: 1, secret: 's' }, { id: 2, secret: 's' }], dispatch: [{ id: 1 }, { id: 2 }], params: {} }
  const reduced = brokerMessage({ event: 'created', path: 'notes', data: context.result[1], context }, schemas)
  assert.deepEqual(reduced.data, { id: 2 })
  assert.deepEqual((reduced.context as { result: unknown }).result, { id: 2 })
})

test('guardPublish: a rejected or offline publish is dropped, never an unhandled rejection', async () => {
  let calls = 0
  const pub = { isReady: true, publish: async () => { calls++; throw new Error('SocketClosedUnexpectedlyError') } }
  guardPublish({ pub })
  assert.equal(await pub.publish(), 0)
  pub.isReady = false
  assert.equal(await pub.publish(), 0)
  assert.equal(calls, 1)
})
