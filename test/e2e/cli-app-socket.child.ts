// Run by cli-app.test.ts as `node --import tsx cli-app-socket.child.ts <app dir> <url> <email> <token>`,
// without this repository's source condition, so everything below resolves from the installed
// app as its own code would: its compiled src/client.ts (lib/client.js, over the generated
// client) and socket.io-client. Drives Socket.io: log in, find, the custom method, a live event.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** The app's own typed client, as far as this script uses it. */
interface AppClient {
  authenticate(data: Record<string, string>): Promise<{ user: { id: number } }>
  service(path: 'messages'): {
    find(params: { query: Record<string, unknown> }): Promise<{ total: number; data: { text: string }[] }>
    create(data: { text: string }): Promise<{ id: number }>
    count(data: Record<string, never>): Promise<{ userId: number; total: number }>
    once(event: 'created', listener: (message: Record<string, unknown>) => void): void
  }
}

const [dir, url, email, token] = process.argv.slice(2) as [string, string, string, string]
const appRequire = createRequire(join(dir, 'package.json'))
const { createClient } = appRequire('./lib/client.js') as { createClient(socket: unknown): AppClient }
const { io } = createRequire(join(dir, 'web/package.json'))('socket.io-client') as
  { io(url: string, options: object): { close(): void } }

const socket = io(url, { transports: ['websocket'], reconnection: false })
const watchdog = setTimeout(() => {
  console.error('socket drive did not finish within 30 s')
  process.exit(1)
}, 30_000)
try {
  const client = createClient(socket)
  const { user } = await client.authenticate({ strategy: 'local', email, password: 'correct-horse' })
  const messages = client.service('messages')
  const found = await messages.find({ query: { userId: user.id, $limit: 1 } })
  assert.equal(found.total, 3)
  assert.equal(found.data.length, 1)
  assert.deepEqual(await messages.count({}), { userId: user.id, total: 3 })

  const event = new Promise<Record<string, unknown>>((resolve) => messages.once('created', resolve))
  const response = await fetch(`${url}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ text: 'over REST, seen live' }),
  })
  const created = await response.json() as { id: number }
  const received = await event
  assert.equal(received['id'], created.id)
  assert.deepEqual(received['user'], { id: user.id, email }, 'the event payload is cleaned too')

  const refused = await messages.create({ text: '' }).then(() => undefined, (error: { name?: string }) => error)
  assert.equal(refused?.name, 'BadRequest')
  console.log('socket drive ok')
} finally {
  clearTimeout(watchdog)
  socket.close()
}
