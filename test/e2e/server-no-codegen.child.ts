// Run by server-no-codegen.test.ts in a process started with
// --disallow-code-generation-from-strings: registers the sample services and makes valid and
// invalid calls over a real socket. Exits 0 only if the flag bites and every call went right.
import assert from 'node:assert/strict'
import { connectClient } from '../helpers/connect-client.js'
import { startSampleServer } from '../helpers/start-sample-server.js'

assert.throws(() => new Function('return 1'), EvalError, 'new Function must be refused in this process')
assert.throws(() => (0, eval)('1'), EvalError, 'eval must be refused in this process')

const server = await startSampleServer({ register: { validateResults: true } })
const connected = await connectClient(server.url)
try {
  connected.useService('messages', ['find', 'get', 'create', 'patch', 'remove', 'markRead'])
  const messages = connected.client.service('messages') as unknown as Record<string, (...args: unknown[]) => Promise<any>>
  const created = await messages.create!({ text: 'hello' })
  assert.equal(created.text, 'hello')
  assert.equal(created.internalNote, undefined)
  assert.equal((await messages.find!({ query: { userId: 1, createdAt: { $gte: '2024-01-01T00:00:00Z' } } })).total, 1)
  assert.deepEqual(await messages.markRead!({ ids: [created.id] }), { updated: 1 })
  await assert.rejects(messages.create!({ text: '' }), { code: 400 })
  await assert.rejects(messages.find!({ query: { createdAt: 'yesterday' } }), { code: 400 })
  await assert.rejects(connected.client.service('users').create({ email: 'x@', name: 'X', password: 'long-enough' }), { code: 400 })
  console.log('no-codegen: ok')
} finally {
  connected.close()
  await server.close()
}
