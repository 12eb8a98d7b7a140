// A service path with route placeholders (`users/:userId/posts`), generated from a schema module
// in a sandbox: the client type-checks under nodenext and bundler with `route` required, and at
// run time the placeholders travel in the path and reach the server as params.route.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, test } from 'node:test'
import type { Params } from '@feathersjs/feathers'
import { generate } from 'feathers-sio-gen/generator'
import { connectSocket } from '../helpers/client-socket.js'
import { makeSandbox, repoRoot } from '../helpers/cli-sandbox.js'
import { startPlainSocketioServer } from '../helpers/plain-socketio-server.js'
import type { RunningApp } from '../helpers/plain-socketio-server.js'

const SCHEMA = `import { Type } from '@sinclair/typebox'
import { defineService, querySyntax } from 'feathers-sio-gen'
export const Post = Type.Object({ id: Type.Integer(), userId: Type.String(), title: Type.String() }, { additionalProperties: false })
export const posts = defineService({
  path: 'users/:userId/posts', id: Type.Integer(), result: Post,
  data: Type.Object({ title: Type.String() }, { additionalProperties: false }),
  query: querySyntax(Type.Pick(Post, ['title'])),
  methods: ['find', 'get', 'create', 'update', 'patch', 'remove'],
  multi: ['create', 'patch'],
})
`

const TYPE_TEST = `import type { Client } from './generated/client.js'
import type { Post } from './generated/types.js'
declare const client: Client
const posts = client.service('users/:userId/posts')
void posts.find({ route: { userId: 1 } })
void posts.find({ route: { userId: 'ann' }, query: { title: 'x' } })
void posts.get(1, { route: { userId: 2 } })
void posts.create({ title: 't' }, { route: { userId: 2 } })
// Multi create and patch resolve to arrays; single calls to one record; remove(null) is not multi.
const many: Promise<Post[]> = posts.create([{ title: 'a' }, { title: 'b' }], { route: { userId: 1 } })
const one: Promise<Post> = posts.create({ title: 'a' }, { route: { userId: 1 } })
const patched: Promise<Post[]> = posts.patch(null, { title: 'b' }, { route: { userId: 1 } })
const replaced: Promise<Post> = posts.update(1, { title: 'c' }, { route: { userId: 1 } })
void [many, one, patched, replaced]
// @ts-expect-error remove is not multi here
void posts.remove(null, { route: { userId: 1 } })
// @ts-expect-error a multi create resolves to an array
const notOne: Promise<Post> = posts.create([{ title: 'a' }], { route: { userId: 1 } })
// @ts-expect-error data is checked in the array too
void posts.create([{ title: 'a', extra: 1 }], { route: { userId: 1 } })
// @ts-expect-error route is required
void posts.find()
// @ts-expect-error route is required
void posts.find({ query: {} })
// @ts-expect-error every placeholder is required
void posts.find({ route: {} })
// @ts-expect-error a placeholder is a string or a number
void posts.find({ route: { userId: true } })
// @ts-expect-error still nothing else than query and route
void posts.find({ route: { userId: 1 }, user: {} })
void notOne
`

describe('route placeholders', () => {
  const sandbox = makeSandbox('client-route')
  let server: RunningApp
  const seen: Params[] = []

  before(async () => {
    sandbox.write('schemas/posts.ts', SCHEMA)
    sandbox.write('type-test.ts', TYPE_TEST)
    const result = await generate({ schemaDir: 'schemas', outDir: 'generated', cwd: sandbox.dir })
    assert.equal(result.status, 'ok', JSON.stringify(result.diagnostics))
    server = await startPlainSocketioServer((app) => {
      app.use('users/:userId/posts', {
        async find(params: Params) { seen.push(params); return [{ id: 1, userId: params.route?.userId, title: 'first' }] },
        async get(id: number, params: Params) { seen.push(params); return { id, userId: params.route?.userId, title: 'got' } },
        async create(data: { title: string }, params: Params) { seen.push(params); return { id: 2, userId: params.route?.userId, ...data } },
      })
    })
  })
  after(async () => {
    await server?.close()
    sandbox.remove()
  })

  for (const moduleResolution of ['nodenext', 'bundler'] as const) {
    test(`the generated client type-checks under ${moduleResolution}, and route is required`, () => {
      const config = {
        extends: join(repoRoot, 'tsconfig.base.json'),
        compilerOptions: {
          noEmit: true, customConditions: ['feathers-sio-gen-source'], types: [],
          ...(moduleResolution === 'bundler' ? { module: 'preserve', moduleResolution: 'bundler' } : {}),
        },
        include: ['generated/*.ts', 'type-test.ts'],
      }
      sandbox.write(`tsconfig.${moduleResolution}.json`, JSON.stringify(config))
      const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(sandbox.dir, `tsconfig.${moduleResolution}.json`)], { encoding: 'utf8' })
      assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr)
    })
  }

  test('the placeholders go into the path and arrive as params.route', async () => {
    const { createClient } = await import(pathToFileURL(join(sandbox.dir, 'generated/client.ts')).href) as typeof import('../.generated/client.js')
    const socket = await connectSocket(server.url)
    try {
      // The sandbox's client has its own types; call it through a loose view.
      const posts = (createClient(socket) as unknown as { service(path: string): Record<string, (...args: unknown[]) => Promise<unknown>> })
        .service('users/:userId/posts')
      assert.deepEqual(await posts.find?.({ route: { userId: 'ann' }, query: { title: 'first' } }), [{ id: 1, userId: 'ann', title: 'first' }])
      assert.deepEqual(await posts.get?.(5, { route: { userId: 7 } }), { id: 5, userId: '7', title: 'got' })
      assert.deepEqual(await posts.create?.({ title: 'new' }, { route: { userId: 'bob' } }), { id: 2, userId: 'bob', title: 'new' })
      assert.deepEqual(seen.map((params) => params.route), [{ userId: 'ann' }, { userId: '7' }, { userId: 'bob' }])
      assert.deepEqual(seen[0]?.query, { title: 'first' })
    } finally {
      socket.close()
    }
  })
})
