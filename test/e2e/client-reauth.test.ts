// authentication-client re-authenticates when a logged-in socket disconnects and drops that
// promise; with the client's call timeout it rejects while nobody listens. That must not surface
// as an unhandled rejection (which ends a Node process), and an awaited reAuthenticate must
// still reject.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import authenticationClient from '@feathersjs/authentication-client'
import { createClient } from '../.generated/client.js'
import { startAuthSocketioServer } from '../helpers/auth-socketio-server.js'
import type { AuthServer } from '../helpers/auth-socketio-server.js'
import { connectSocket } from '../helpers/client-socket.js'

let server: AuthServer
before(async () => { server = await startAuthSocketioServer() })
after(async () => { await server.close() })

test('a re-authentication that times out after a disconnect is no unhandled rejection', async () => {
  const unhandled: unknown[] = []
  const record = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', record)
  const socket = await connectSocket(server.url)
  try {
    // Long enough for bcrypt in create and authenticate on a loaded CI machine (200 ms was not).
    const timeoutMs = 1500
    const client = createClient(socket, { timeout: timeoutMs })
    client.configure(authenticationClient.default({ storage: new authenticationClient.MemoryStorage() }))
    const credentials = { email: 'reauth@example.test', name: 'Re', password: 'correct horse battery' }
    await client.service('users').create(credentials)
    await client.authenticate({ strategy: 'local', email: credentials.email, password: credentials.password })

    // The disconnect makes authentication-client call reAuthenticate(true) and drop the promise;
    // the socket stays down, so that call ends in the client's timeout.
    socket.disconnect()
    await new Promise((resolve) => setTimeout(resolve, timeoutMs + 1000))
    assert.deepEqual(unhandled, [], 'the dropped re-authentication surfaced as an unhandled rejection')
    // Whoever awaits a re-authentication still learns that it failed.
    await assert.rejects(client.reAuthenticate(true), (error: { name?: string }) => ['Timeout', 'Unavailable'].includes(error.name ?? ''))
  } finally {
    process.off('unhandledRejection', record)
    socket.close()
  }
})
