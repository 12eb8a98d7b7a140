import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import type { Socket } from 'socket.io-client'
import { connectSocket } from '../helpers/client-socket.js'
import { startSampleServer } from '../helpers/start-sample-server.js'
import type { SampleServer } from '../helpers/start-sample-server.js'

// SPEC §8 (issue 14, class 6): the id of a transport call is validated against the service's
// `id` schema (the sample's `messages` and `users` declare `Type.Integer()`) before the service
// runs, over a real Socket.io server with raw socket.io-client emits (what a hostile client sends).

let server: SampleServer
let socket: Socket

before(async () => {
  server = await startSampleServer({ register: { validateInternalCalls: true } })
  socket = await connectSocket(server.url)
})
after(async () => {
  socket.close()
  await server.close()
})
beforeEach(() => { server.services.calls.length = 0 })

interface Answer { error?: { code?: number; name?: string; errors?: Array<{ path: string; message: string }> }; result?: unknown }

/** Emits a Feathers call and resolves with its acknowledgement (5 s at most). */
function call(method: string, path: string, ...args: unknown[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${method} ${path}`)), 5000)
    socket.emit(method, path, ...args, (error: Answer['error'], result: unknown) => {
      clearTimeout(timer)
      resolve(error === null || error === undefined ? { result } : { error })
    })
  })
}

const BAD_IDS: unknown[] = [{}, [], [1], { $gt: 1 }, true, false, 'abc', '', '01', '1e3', ' 1', 1.5, -0.5, { toString: 'x' }]

test('a wrong id type is refused with 400 at /id for every method with an id; the service never runs', async () => {
  for (const id of BAD_IDS) {
    for (const [method, args] of [['get', [id, {}]], ['patch', [id, { text: 'x' }, {}]], ['remove', [id, {}]]] as const) {
      const { error } = await call(method, 'messages', ...args)
      assert.equal(error?.code, 400, `${method}(${JSON.stringify(id)}) → ${JSON.stringify(error)}`)
      assert.equal(error?.name, 'BadRequest')
      assert.ok(error?.errors?.some((failure) => failure.path === '/id'), `failure at /id: ${JSON.stringify(error?.errors)}`)
    }
    const { error } = await call('get', 'users', id, {})
    assert.equal(error?.code, 400, `users.get(${JSON.stringify(id)})`)
  }
  assert.deepEqual(server.services.calls, [], 'no service method ran')
})

test('a failure message never echoes the id', async () => {
  const { error } = await call('get', 'messages', 'secret-token-value', {})
  assert.ok(!JSON.stringify(error).includes('secret-token-value'), JSON.stringify(error))
})

test('a valid id reaches the service; the exact text of an integer id arrives as the integer', async () => {
  const created = await call('create', 'messages', { text: 'hello' }, {})
  const id = (created.result as { id: number }).id
  assert.equal((await call('get', 'messages', id, {})).result !== undefined, true)
  // The in-memory store is keyed by number: only the converted id finds the record.
  const byText = await call('get', 'messages', String(id), {})
  assert.equal((byText.result as { id?: unknown } | undefined)?.id, id, JSON.stringify(byText))
  const missing = await call('get', 'messages', 999, {})
  assert.equal(missing.error?.code, 404, 'a valid id of no record: the service answers')
})

test('remove(null) is a multi call and carries no id', async () => {
  const { error } = await call('remove', 'messages', null, {})
  assert.notEqual(error?.code, 400, JSON.stringify(error))
  assert.ok(server.services.calls.some((entry) => entry.method === 'remove'), 'the service ran')
})

test('calls inside the server are not id-checked, even with validateInternalCalls', async () => {
  const messages = server.app.service('messages') as unknown as { get(id: unknown): Promise<unknown> }
  await assert.rejects(messages.get('abc'), (error: { code?: number }) => error.code === 404)
})
