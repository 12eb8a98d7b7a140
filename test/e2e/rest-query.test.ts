import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Application } from '@feathersjs/feathers'
import { registerService } from '../.generated/server.js'
import { connectClient } from '../helpers/connect-client.js'
import type { ConnectedClient } from '../helpers/connect-client.js'
import { createSampleServices } from '../helpers/sample-services.js'
import { restCall, startKoaServer } from '../helpers/start-koa-server.js'
import type { RunningServer } from '../helpers/start-server.js'

// SPEC §6 on a CLI-layout app (Koa, REST + Socket.io), each service registered on its own with
// registerService: REST query strings and ids are converted to the schema's types before
// validation, socket calls are not; validation errors carry the failure list in `data` and `errors`.

describe('REST query strings and ids', () => {
  let server: RunningServer
  let socket: ConnectedClient
  const sample = createSampleServices()
  const lastQuery = () => sample.calls.at(-1)?.params.query

  before(async () => {
    server = await startKoaServer((app: Application) => {
      const withUsers = registerService(app, 'users', sample.users)
      return registerService(withUsers, 'messages', sample.messages)
    })
    socket = await connectClient(server.url)
    socket.useService('messages', ['find', 'get', 'create', 'patch', 'remove', 'markRead'])
  })
  after(async () => {
    socket.close()
    await server.close()
  })

  test('numbers, integers and paging arrive as numbers; the service gets the converted query', async () => {
    const answer = await restCall(`${server.url}/messages?userId=1&$limit=2&$skip=0`)
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.deepEqual(lastQuery(), { userId: 1, $limit: 2, $skip: 0 })
  })

  test('operators, repeated and bracketed keys, $or/$and, $sort and $select', async () => {
    const cases: Array<[string, unknown]> = [
      ['id[$gt]=1&id[$lte]=10', { id: { $gt: 1, $lte: 10 } }],
      ['id[$in]=1&id[$in]=2', { id: { $in: [1, 2] } }],
      ['id[$in][]=3', { id: { $in: [3] } }],
      ['id[$in]=4', { id: { $in: [4] } }],
      ['userId[$nin][0]=5&userId[$nin][1]=6', { userId: { $nin: [5, 6] } }],
      ['$or[0][userId]=1&$or[1][id][$ne]=2', { $or: [{ userId: 1 }, { id: { $ne: 2 } }] }],
      ['$and[0][userId]=1&$and[1][$or][0][id]=2', { $and: [{ userId: 1 }, { $or: [{ id: 2 }] }] }],
      ['$sort[id]=-1&$sort[createdAt]=1', { $sort: { id: -1, createdAt: 1 } }],
      ['$select=userId', { $select: ['userId'] }],
      ['$select[]=id&$select[]=userId', { $select: ['id', 'userId'] }],
      ['createdAt=2024-01-02T03:04:05.000Z', { createdAt: '2024-01-02T03:04:05.000Z' }],
    ]
    for (const [query, expected] of cases) {
      const answer = await restCall(`${server.url}/messages?${query}`)
      assert.equal(answer.status, 200, `${query}: ${JSON.stringify(answer.body)}`)
      assert.deepEqual(lastQuery(), expected, query)
    }
  })

  test('strings that are not valid for the schema are refused with the failure list in data and errors', async () => {
    const answer = await restCall(`${server.url}/messages?userId=abc&$limit=1.5`)
    assert.equal(answer.status, 400)
    assert.equal(answer.body.name, 'BadRequest')
    assert.ok(Array.isArray(answer.body.data), 'data holds the failure list, as @feathersjs/schema does')
    assert.deepEqual(answer.body.data.map((failure: { path: string }) => failure.path).sort(), ['/query/$limit', '/query/userId'])
    assert.deepEqual(answer.body.errors, answer.body.data, 'errors keeps the same list')
  })

  test('a REST id is converted to the id schema (integer): get and patch receive numbers', async () => {
    const created = await restCall(`${server.url}/messages`, { method: 'POST', body: { text: 'hello' } })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const got = await restCall(`${server.url}/messages/${created.body.id}`)
    assert.equal(got.status, 200, JSON.stringify(got.body))
    assert.equal(got.body.text, 'hello')
    const patched = await restCall(`${server.url}/messages/${created.body.id}`, { method: 'PATCH', body: { text: 'edited' } })
    assert.equal(patched.status, 200, JSON.stringify(patched.body))
    assert.equal(patched.body.text, 'edited')
  })

  test('users: a string-typed query field keeps its string; integers convert', async () => {
    const answer = await restCall(`${server.url}/users?role=admin&id=1&email[$in]=ada@example.com`)
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.deepEqual(lastQuery(), { role: 'admin', id: 1, email: { $in: ['ada@example.com'] } })
    assert.equal('passwordHash' in answer.body[0], false, 'REST results are cleaned too')
  })

  test('Socket.io calls are not converted: their JSON already carries types', async () => {
    await assert.rejects(socket.client.service('messages').find({ query: { userId: '1' } }), (error: { code: number; data: unknown }) => {
      assert.equal(error.code, 400)
      assert.deepEqual((error.data as Array<{ path: string }>).map((failure) => failure.path), ['/query/userId'])
      return true
    })
    await socket.client.service('messages').find({ query: { userId: 1, $limit: 2 } })
    assert.deepEqual(lastQuery(), { userId: 1, $limit: 2 })
  })
})
