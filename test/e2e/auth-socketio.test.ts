// The generated client authenticates (local, then JWT) with @feathersjs/authentication-client
// against a plain @feathersjs/socketio + @feathersjs/authentication server: services then see
// params.user, and events published to the authenticated channel reach authenticated clients only.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { NotAuthenticated } from '@feathersjs/errors'
import authenticationClient from '@feathersjs/authentication-client'
import type { Socket } from 'socket.io-client'
import { createClient } from '../.generated/client.js'
import type { Client } from '../.generated/client.js'
import type { Message } from '../.generated/types.js'
import { startAuthSocketioServer } from '../helpers/auth-socketio-server.js'
import type { AuthServer } from '../helpers/auth-socketio-server.js'
import { connectSocket, nextEvents } from '../helpers/client-socket.js'

const authClients: Client[] = []

/** A generated client with authentication-client configured on it (memory storage, no window). */
function authClient(socket: Socket): Client {
  const client = createClient(socket, { timeout: 5000 })
  client.configure(authenticationClient.default({ storage: new authenticationClient.MemoryStorage() }))
  authClients.push(client)
  return client
}

describe('authentication over Socket.io with the generated client', () => {
  let server: AuthServer
  const sockets: Socket[] = []
  const connect = async () => {
    const socket = await connectSocket(server.url)
    sockets.push(socket)
    return socket
  }
  const credentials = { email: 'ann@example.test', name: 'Ann', password: 'correct horse battery' }
  let accessToken = ''

  before(async () => { server = await startAuthSocketioServer() })
  after(async () => {
    // authentication-client re-authenticates on every disconnect; after logout it does not.
    for (const client of authClients) await client.logout().catch(() => {})
    for (const socket of sockets) socket.close()
    await server.close()
  })

  test('sign up, then local login: the result carries the user without the password hash', async () => {
    const client = authClient(await connect())
    const user = await client.service('users').create(credentials)
    assert.equal(user.email, credentials.email)
    assert.equal('password' in user, false)
    const result = await client.authenticate({ strategy: 'local', email: credentials.email, password: credentials.password })
    assert.equal(typeof result.accessToken, 'string')
    assert.equal(result.user.id, user.id)
    assert.equal('password' in result.user, false)
    accessToken = result.accessToken as string
  })

  test('a wrong password or no login: NotAuthenticated', async () => {
    const client = authClient(await connect())
    const wrong = await client.authenticate({ strategy: 'local', email: credentials.email, password: 'nope' }).then(() => undefined, (e: unknown) => e)
    assert.ok(wrong instanceof NotAuthenticated, String(wrong))
    const anonymous = createClient(await connect(), { timeout: 5000 })
    const refused = await anonymous.service('messages').create({ text: 'hi' }).then(() => undefined, (e: unknown) => e)
    assert.ok(refused instanceof NotAuthenticated, String(refused))
  })

  test('JWT login: the service sees params.user; events reach authenticated clients only', async () => {
    assert.notEqual(accessToken, '', 'needs the local login test first')
    const authenticated = authClient(await connect())
    await authenticated.authenticate({ strategy: 'jwt', accessToken })
    const anonymous = createClient(await connect(), { timeout: 5000 })
    const anonymousEvents: Message[] = []
    anonymous.service('messages').on('created', (message) => anonymousEvents.push(message))
    const received = nextEvents<Message>((listener) => {
      authenticated.service('messages').on('created', listener)
      return () => authenticated.service('messages').off('created', listener)
    })

    server.messageParams.length = 0
    const message = await authenticated.service('messages').create({ text: 'only for members' })
    const [params] = server.messageParams
    assert.equal(params?.user?.email, credentials.email)
    assert.equal(params?.provider, 'socketio')
    assert.equal(message.userId, params?.user?.id)
    assert.deepEqual(await received, [message])
    // The anonymous socket is connected and listening: give its event time to arrive, had it been sent.
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.deepEqual(anonymousEvents, [])
    assert.ok(sockets.at(-1)?.connected)
  })
})
