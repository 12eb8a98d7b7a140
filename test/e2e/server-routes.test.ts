import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, test } from 'node:test'
import { Type } from '@sinclair/typebox'
import type { Application } from '@feathersjs/feathers'
import { socketio } from 'feathers-sio-gen/server'
import { emitFiles } from '../../generator/emit/emit-files.js'
import type { GenModel } from '../../generator/model/model.js'
import { repoRoot } from '../helpers/cli-sandbox.js'
import { connectClient } from '../helpers/connect-client.js'
import type { ConnectedClient } from '../helpers/connect-client.js'
import { serviceModel } from '../helpers/load-validators.js'
import { startServer } from '../helpers/start-server.js'
import type { RunningServer } from '../helpers/start-server.js'

// A path with a placeholder and a multi create, generated from a hand-built model (the sample
// schemas have neither): params.route reaches the service, each record of a multi create is
// validated, and results are cleaned.

const Post = Type.Object({ id: Type.Integer(), userId: Type.String(), title: Type.String({ minLength: 1 }) }, { additionalProperties: false })
const PostData = Type.Object({ title: Type.String({ minLength: 1 }) }, { additionalProperties: false })
const model: GenModel = {
  schemas: [{ name: 'Post', file: 'schemas/posts.ts', schema: Post }],
  services: [serviceModel('users/:userId/posts', {
    result: Post, data: PostData, query: Type.Object({}, { additionalProperties: false }),
    methods: ['find', 'create'], multi: ['create'], routeParams: ['userId'],
  })],
  connection: undefined,
}

let dir: string
let server: RunningServer
let connected: ConnectedClient
const seenRoutes: unknown[] = []

before(async () => {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  dir = mkdtempSync(join(repoRoot, '.tmp', 'server-routes-'))
  for (const file of emitFiles(model)) writeFileSync(join(dir, file.name), file.content)
  const generated = await import(pathToFileURL(join(dir, 'server.ts')).href) as {
    registerServices(app: Application, implementations: Record<string, unknown>): Application
  }
  const posts: Array<Record<string, unknown>> = []
  server = await startServer((app) => {
    app.configure(socketio())
    return generated.registerServices(app, {
      'users/:userId/posts': {
        async find(params: { route?: { userId: string } }) {
          seenRoutes.push(params.route)
          return posts.filter((post) => post.userId === params.route?.userId)
        },
        async create(data: { title: string } | Array<{ title: string }>, params: { route: { userId: string } }) {
          const make = (record: { title: string }) => {
            const post = { id: posts.length + 1, userId: params.route.userId, title: record.title, draft: 'internal' }
            posts.push(post)
            return post
          }
          return Array.isArray(data) ? data.map(make) : make(data)
        },
      },
    })
  })
  connected = await connectClient(server.url)
})
after(async () => {
  connected.close()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

test('params.route carries the placeholder; results are cleaned', async () => {
  const posts = connected.client.service('users/:userId/posts')
  const created = await posts.create({ title: 'first' }, { route: { userId: '7' } })
  assert.deepEqual(created, { id: 1, userId: '7', title: 'first' })
  assert.deepEqual(await posts.find({ route: { userId: '7' } }), [created])
  assert.deepEqual(seenRoutes, [{ userId: '7' }])
})

test('a multi create validates each record and cleans each result', async () => {
  const posts = connected.client.service('users/:userId/posts')
  const created = await posts.create([{ title: 'a' }, { title: 'b' }], { route: { userId: '8' } })
  assert.deepEqual(created.map((post: { title: string }) => post.title), ['a', 'b'])
  assert.ok(created.every((post: object) => !('draft' in post)))
  await assert.rejects(posts.create([{ title: 'ok' }, { title: '' }, { name: 'x' }], { route: { userId: '8' } }), (error: { code: number; errors: Array<{ path: string }> }) => {
    assert.equal(error.code, 400)
    assert.deepEqual(error.errors.map((failure) => failure.path).sort(), ['/data/1/title', '/data/2/name', '/data/2/title'])
    return true
  })
})
