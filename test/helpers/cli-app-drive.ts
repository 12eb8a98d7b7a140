import assert from 'node:assert/strict'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { repoRoot } from './cli-sandbox.js'
import { sh } from './example-app.js'
import type { RunningApp } from './example-app.js'

// What test/e2e/cli-app.test.ts does with the running example app: REST with fetch, Socket.io
// with the app's generated client (in a child process), and its web page in headless Chromium.

/** Debian's Chromium; playwright-core downloads no browser. */
export const chromiumPath = '/usr/bin/chromium'
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
export async function driveRest(app: RunningApp, email: string) {
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

/** Socket.io through the generated client, in a child process that resolves as the app does. */
export function driveSocket(app: RunningApp, dir: string, email: string, token: string) {
  const child = fileURLToPath(new URL('../e2e/cli-app-socket.child.ts', import.meta.url))
  const out = sh(process.execPath, ['--import', 'tsx', child, dir, app.url, email, token], repoRoot, 60_000)
  assert.match(out, /socket drive ok/)
}

/** The Vite page, served by the app: log in, see REST-made messages, a live event, and send one. */
export async function drivePage(app: RunningApp, email: string, token: string) {
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

