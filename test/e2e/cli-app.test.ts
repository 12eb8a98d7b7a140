import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { chromium } from 'playwright-core'
import { repoRoot } from '../helpers/cli-sandbox.js'
import { copyExample, installWithSqlite, packPackages, sh, sizeInMb, startApp } from '../helpers/example-app.js'
import type { RunningApp } from '../helpers/example-app.js'

// examples/cli-app, the app `feathers generate app` lays out (CommonJS TypeScript, Koa, REST +
// Socket.io, local + JWT authentication, knex on SQLite) on feathers-sio-gen, run as its README
// says: installed from this repository's packed packages, generated, migrated, then started under
// ts-node (`npm run dev`) and from tsc's output (`npm start`); REST with fetch, Socket.io with the
// generated client, and its Vite page in headless Chromium.

const chromiumPath = '/usr/bin/chromium'
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** A REST call: method, path and JSON body in, status and parsed body out. */
async function rest(app: RunningApp, method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`
  const init: RequestInit = { method, headers, signal: AbortSignal.timeout(15_000) }
  if (options.body !== undefined) init.body = JSON.stringify(options.body)
  const response = await fetch(`${app.url}${path}`, init)
  return { status: response.status, body: await response.json() as Record<string, any> }
}

/** Signs a user up and logs in over REST; returns the user's id and access token. */
async function signUp(app: RunningApp, email: string, password: string) {
  const created = await rest(app, 'POST', '/users', { body: { email, password } })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  assert.deepEqual(Object.keys(created.body).sort(), ['email', 'id'], 'the password (hash) left the server')
  const login = await rest(app, 'POST', '/authentication', { body: { strategy: 'local', email, password } })
  assert.equal(login.status, 201, JSON.stringify(login.body))
  assert.equal(typeof login.body['accessToken'], 'string')
  return { id: created.body['id'] as number, token: login.body['accessToken'] as string }
}

/** REST: create and find with query strings, validation, the custom method, authentication. */
async function driveRest(app: RunningApp, email: string) {
  const { id, token } = await signUp(app, email, 'correct-horse')
  for (const text of ['one', 'two', 'three']) {
    const created = await rest(app, 'POST', '/messages', { token, body: { text } })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    assert.equal(created.body['userId'], id, 'the data resolver sets the author')
    assert.deepEqual(created.body['user'], { id, email }, 'the author is resolved and cleaned to the User schema')
  }
  const page = await rest(app, 'GET', `/messages?userId=${id}&$limit=2&$sort[createdAt]=-1`, { token })
  assert.equal(page.status, 200, JSON.stringify(page.body))
  assert.equal(page.body['total'], 3)
  assert.deepEqual(page.body['data'].map((message: { text: string }) => message.text), ['three', 'two'])

  const badQuery = await rest(app, 'GET', '/messages?userId=someone', { token })
  assert.equal(badQuery.status, 400, 'a query string that is no integer is refused')
  const forged = await rest(app, 'POST', '/messages', { token, body: { text: 'forged', userId: id + 1 } })
  assert.equal(forged.status, 400, 'data the schema does not declare is refused')
  assert.doesNotMatch(JSON.stringify(forged.body), /\/tmp\/|at .*\(/, 'no path or stack trace reaches the client')
  const anonymous = await rest(app, 'GET', '/messages')
  assert.equal(anonymous.status, 401)

  const count = await rest(app, 'POST', '/messages', { token, body: {}, headers: { 'x-service-method': 'count' } })
  assert.equal(count.status, 200, JSON.stringify(count.body))
  assert.deepEqual(count.body, { userId: id, total: 3 })
  return { id, token }
}

/** The app's own typed client (src/client.ts over the generated client), as compiled to lib/. */
interface AppClient {
  authenticate(data: Record<string, string>): Promise<{ user: { id: number } }>
  service(path: 'messages'): {
    find(params: { query: Record<string, unknown> }): Promise<{ total: number; data: { text: string }[] }>
    create(data: { text: string }): Promise<{ id: number }>
    count(data: Record<string, never>): Promise<{ total: number }>
    once(event: 'created', listener: (message: Record<string, unknown>) => void): void
  }
}

/** Socket.io through the generated client: log in, find, call the custom method, receive an event. */
async function driveSocket(app: RunningApp, dir: string, email: string, token: string) {
  const appRequire = createRequire(join(dir, 'package.json'))
  const { createClient } = appRequire('./lib/client.js') as { createClient(socket: unknown): AppClient }
  const { io } = createRequire(join(dir, 'web/package.json'))('socket.io-client') as { io(url: string, options: object): { close(): void } }
  const socket = io(app.url, { transports: ['websocket'], reconnection: false })
  try {
    const client = createClient(socket)
    const { user } = await client.authenticate({ strategy: 'local', email, password: 'correct-horse' })
    const messages = client.service('messages')
    const found = await messages.find({ query: { userId: user.id, $limit: 1 } })
    assert.equal(found.total, 3)
    assert.deepEqual(await messages.count({}), { userId: user.id, total: 3 })
    const event = new Promise<Record<string, unknown>>((resolve) => messages.once('created', resolve))
    const created = await rest(app, 'POST', '/messages', { token, body: { text: 'over REST, seen live' } })
    const received = await Promise.race([event, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no created event within 10 s')), 10_000))])
    assert.equal(received['id'], created.body['id'])
    assert.deepEqual(received['user'], { id: user.id, email }, 'the event payload is cleaned too')
    const refused = await messages.create({ text: '' }).then(() => undefined, (error: { name?: string }) => error)
    assert.equal(refused?.name, 'BadRequest')
  } finally {
    socket.close()
  }
}

/** The Vite page, served by the app: log in, see REST-made messages, a live event, and send one. */
async function drivePage(app: RunningApp, email: string, token: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 })
  try {
    const page = await browser.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(app.url)
    await page.getByText('ready').waitFor()
    await page.fill('#email', email)
    await page.fill('#password', 'correct-horse')
    await page.click('#login button')
    await page.locator('#status', { hasText: `logged in as ${email}` }).waitFor()
    await page.locator('#messages li', { hasText: `${email}: three` }).waitFor()

    await rest(app, 'POST', '/messages', { token, body: { text: 'hello from REST' } })
    await page.locator('#events li', { hasText: `${email}: hello from REST` }).waitFor()

    await page.fill('#text', 'hello from the page')
    await page.click('#send button')
    await page.locator('#events li', { hasText: 'hello from the page' }).waitFor()
    const found = await rest(app, 'GET', '/messages?text=hello%20from%20the%20page', { token })
    assert.equal(found.body['total'], 1, 'the message sent from the page is stored')
  } finally {
    await browser.close()
  }
}

describe('examples/cli-app: a Feathers CLI app on feathers-sio-gen', () => {
  const work = mkdtempSync(join(tmpdir(), 'feathers-sio-gen-cli-app-'))
  const dir = join(work, 'cli-app')
  const env = { PORT: '0', FEATHERS_SECRET: 'a-test-secret-of-some-length' }
  after(() => rmSync(work, { recursive: true, force: true }))

  before(() => {
    assert.ok(existsSync(chromiumPath), `Chromium is missing at ${chromiumPath}: install it (apt-get install -y chromium; .ci/run does)`)
    assert.ok(existsSync(join(repoRoot, 'dist/generator/cli.js')), 'dist/ is missing: run `npm run build` first')
    const started = Date.now()
    const step = <T>(label: string, run: () => T): T => {
      const from = Date.now()
      const result = run()
      console.log(`# ${label}: ${((Date.now() - from) / 1000).toFixed(1)} s`)
      return result
    }
    const tarballs = step('npm pack', () => packPackages(work))
    copyExample('cli-app', dir, tarballs)
    step('npm install (app)', () => installWithSqlite(dir, 480_000))
    step('npm install (web)', () => sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], join(dir, 'web'), 240_000))
    console.log(`# node_modules: app ${sizeInMb(join(dir, 'node_modules'))} MB, web ${sizeInMb(join(dir, 'web/node_modules'))} MB`)
    step('npm run generate', () => sh('npm', ['run', 'generate'], dir, 120_000))
    step('npm run migrate', () => sh('npm', ['run', 'migrate'], dir, 120_000))
    step('npm run compile', () => sh('npm', ['run', 'compile'], dir, 240_000))
    step('npm run build (web)', () => sh('npm', ['run', 'build'], join(dir, 'web'), 240_000))
    console.log(`# set up in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  })

  test('under ts-node (npm run dev): REST and Socket.io', async () => {
    const app = await startApp(dir, 'dev', env)
    try {
      const { token } = await driveRest(app, 'dev@example.com')
      await driveSocket(app, dir, 'dev@example.com', token)
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output().slice(-3000)}`, { cause: error })
    } finally {
      await app.stop()
    }
  })

  test("from tsc's output (npm start): REST, Socket.io and the web page in Chromium", async () => {
    const app = await startApp(dir, 'start', env)
    try {
      const { token } = await driveRest(app, 'prod@example.com')
      await driveSocket(app, dir, 'prod@example.com', token)
      await drivePage(app, 'prod@example.com', token)
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output().slice(-3000)}`, { cause: error })
    } finally {
      await app.stop()
    }
  })
})
