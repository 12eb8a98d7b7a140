import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from 'node:test'
import { validateUsersResult } from '../.generated/validators.js'
import { connectSocket } from '../helpers/client-socket.js'
import { startSampleServer } from '../helpers/start-sample-server.js'

// SPEC §7/§8 on one node (no broker involved): an event payload that a cleaner cannot reduce to its
// schema never leaves raw. An array of records emitted as one standard event is cleaned record by
// record; anything else that cannot be cleaned is refused with an error where it was emitted.

test('users.emit(created, [stored, stored]) sends cleaned records, never the stored ones', async () => {
  const server = await startSampleServer()
  const socket = await connectSocket(server.url)
  try {
    const received: Array<{ event: string; payload: unknown }> = []
    socket.onAny((event: string, payload: unknown) => received.push({ event, payload }))
    const { users } = server.services.store
    users.set(2, { ...users.get(1)!, id: 2, email: 'bea@example.com', name: 'Bea', password: 'bea-secret', passwordHash: '$2a$bea' })
    server.app.service('users').emit('created', [users.get(1), users.get(2)])
    const deadline = Date.now() + 3000
    while (received.length === 0 && Date.now() < deadline) await sleep(20)
    await sleep(100)
    assert.equal(received.length, 1)
    assert.equal(received[0]!.event, 'users created')
    const records = received[0]!.payload
    assert.ok(Array.isArray(records) && records.length === 2)
    for (const record of records) assert.ok(validateUsersResult.check(record), `undeclared fields: ${JSON.stringify(record)}`)
  } finally {
    socket.close()
    await server.close()
  }
})

test('a payload that cannot be cleaned is refused where it is emitted, and nothing is sent', async () => {
  const server = await startSampleServer()
  const socket = await connectSocket(server.url)
  try {
    const received: string[] = []
    socket.onAny((event: string) => received.push(event))
    const stored = server.services.store.users.get(1)
    // `typing` declares one object; a list of records cannot be reduced to it.
    assert.throws(() => server.app.service('messages').emit('typing', [stored]), { name: 'GeneralError', message: /does not match its schema/ })
    // `patched` declares a record; a stored user inside an array of arrays cannot be one.
    assert.throws(() => server.app.service('users').emit('patched', [[stored]]), { name: 'GeneralError' })
    await sleep(200)
    assert.deepEqual(received, [])
  } finally {
    socket.close()
    await server.close()
  }
})
