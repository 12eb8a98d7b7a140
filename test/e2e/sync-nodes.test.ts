import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from 'node:test'
import type { TestContext } from 'node:test'
import { createClient as createRedisClient } from 'redis'
import type { Socket } from 'socket.io-client'
import { createClient } from '../.generated/client.js'
import { validateMessagesResult, validateUsersResult } from '../.generated/validators.js'
import { connectSocket } from '../helpers/client-socket.js'
import { connectClient } from '../helpers/connect-client.js'
import { startRedis } from '../helpers/redis-server.js'
import type { RedisServer } from '../helpers/redis-server.js'
import { startSyncNode } from '../helpers/sync-node.js'
import type { SyncNode } from '../helpers/sync-node.js'

// SPEC §7: three nodes of the generated server behind feathers-sync over a real redis-server,
// generated and official clients on different nodes counting every event on the wire.

/** A client on one node: every event its socket received, in order, and a way to call. */
interface WireClient {
  name: string
  socket: Socket
  received: Array<{ event: string; payload: unknown }>
  call(path: string, method: string, ...args: unknown[]): Promise<any>
}

/** Strings that must never cross the broker: call data, stored fields, hashes, credentials. */
const SECRETS = ['plain-secret', 'cy-password-1', 'passwordHash', '$2a$', '$2b$', 'internalNote', 'not for clients', 'accessToken', 'secret-mood', '"password"']
const CONTEXT_KEYS = new Set(['path', 'event', 'result', 'dispatch', 'params', 'method', 'type', 'id'])
const PARAMS_KEYS = new Set(['user', 'connection', 'provider', 'authenticated', 'route'])

/** Polls `predicate` every 25 ms; throws `label` after `ms`. */
async function waitFor(predicate: () => boolean, ms: number, label: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${label}`)
    await sleep(25)
  }
}

/** A generated (`createClient`) or official (`@feathersjs/socketio-client`) client on `url`. */
async function wireClient(name: string, url: string, kind: 'generated' | 'official', userId?: number): Promise<WireClient> {
  const auth = userId === undefined ? {} : { auth: { userId } }
  const received: WireClient['received'] = []
  if (kind === 'generated') {
    const socket = await connectSocket(url, auth)
    socket.onAny((event: string, payload: unknown) => received.push({ event, payload }))
    const client = createClient(socket, { timeout: 5000 }) as unknown as { service(path: string): Record<string, (...args: unknown[]) => Promise<unknown>> }
    return { name, socket, received, call: (path, method, ...args) => client.service(path)[method]!(...args) }
  }
  const connected = await connectClient(url, auth)
  connected.socket.onAny((event: string, payload: unknown) => received.push({ event, payload }))
  const client = connected.client as unknown as { service(path: string): Record<string, (...args: unknown[]) => Promise<unknown>> }
  return { name, socket: connected.socket, received, call: (path, method, ...args) => client.service(path)[method]!(...args) }
}

/**
 * Runs `trigger`, then waits until each of `recipients` has received `event` `count` times and a
 * little longer (a duplicate or a stray delivery shows up then); asserts every client received it
 * exactly as often as it should (`count` times or never), all with the same payloads, and returns
 * the first recipient's payloads.
 */
async function expectEvents(clients: WireClient[], recipients: WireClient[], event: string, trigger: () => Promise<unknown>, count: number): Promise<unknown[]> {
  const marks = clients.map((client) => client.received.length)
  const since = (index: number) => clients[index]!.received.slice(marks[index]).filter((entry) => entry.event === event)
  await trigger()
  await waitFor(() => clients.every((client, index) => !recipients.includes(client) || since(index).length >= count), 5000,
    `${count} '${event}' on ${recipients.map((client) => client.name).join(', ')}`)
  await sleep(300)
  const payloads = clients.map((client, index) => {
    const got = since(index)
    assert.equal(got.length, recipients.includes(client) ? count : 0, `${client.name} received '${event}' ${got.length} times`)
    return got.map((entry) => entry.payload)
  }).filter((_, index) => recipients.includes(clients[index]!))
  for (const list of payloads) assert.deepEqual(list, payloads[0], `'${event}' differs between clients`)
  return payloads[0] ?? []
}

/** `expectEvents` for one event; returns its payload. */
async function expectDelivery(clients: WireClient[], recipients: WireClient[], event: string, trigger: () => Promise<unknown>): Promise<unknown> {
  return (await expectEvents(clients, recipients, event, trigger, 1))[0]
}

/** Creates probe messages from `client` until every client hears one again (at most `ms`). */
async function untilEventsFlow(clients: WireClient[], client: WireClient, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  for (let probe = 0; ; probe++) {
    const text = `probe ${Date.now()} ${probe}`
    await client.call('messages', 'create', { text })
    const heard = () => clients.every((each) => each.received.some((entry) => entry.event === 'messages created' && (entry.payload as { text?: unknown }).text === text))
    try {
      await waitFor(heard, 1000, 'probe')
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
  }
}

/** Every message text a client heard created, with how often. */
function createdTexts(client: WireClient): Map<string, number> {
  const counts = new Map<string, number>()
  for (const { event, payload } of client.received) {
    if (event !== 'messages created') continue
    const text = String((payload as { text?: unknown }).text)
    counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  return counts
}

/** The whole scenario on a fresh redis-server and three fresh nodes. */
async function scenario(t: TestContext, adapter: boolean): Promise<void> {
  const started: Array<() => Promise<void> | void> = []
  let redis: RedisServer | undefined
  try {
    redis = await startRedis()
    started.push(() => redis!.stop())
    const broker = createRedisClient({ url: redis.uri })
    broker.on('error', () => undefined)
    await broker.connect()
    started.push(() => { broker.destroy() })
    // Every channel: feathers-sync's and, with the adapter, Socket.io's own.
    const onBroker: string[] = []
    const onRedis: string[] = []
    await broker.pSubscribe('*', (message, channel) => {
      onRedis.push(message)
      if (channel === 'feathers-sync') onBroker.push(message)
    })

    const env = { REDIS_URI: redis.uri, SIO_ADAPTER: adapter ? 'redis' : 'none' }
    const nodes: SyncNode[] = []
    started.push(() => Promise.all(nodes.map((node) => node.kill())).then(() => undefined))
    const starting = [0, 1, 2].map(() => startSyncNode(env).then((node) => { nodes.push(node); return node }))
    // Settled first, so a node that starts while another fails is still killed.
    for (const result of await Promise.allSettled(starting)) if (result.status === 'rejected') throw result.reason
    const [n0, n1, n2] = nodes as [SyncNode, SyncNode, SyncNode]

    const clients: WireClient[] = []
    started.push(() => { for (const client of clients) client.socket.close() })
    clients.push(await wireClient('generated@0 (Ada)', n0.url, 'generated', 1))
    clients.push(await wireClient('official@1', n1.url, 'official'))
    clients.push(await wireClient('official@2 (Ada)', n2.url, 'official', 1))
    clients.push(await wireClient('generated@1', n1.url, 'generated'))
    const [ada0, official1, ada2] = clients as [WireClient, WireClient, WireClient, WireClient]
    await untilEventsFlow(clients, ada0, 20_000)

    await t.test('method events cross every node once, cleaned; filters read params of other nodes', async () => {
      let result: unknown
      const created = await expectDelivery(clients, clients, 'messages created', async () => { result = await ada2.call('messages', 'create', { text: 'from node 2' }) })
      assert.deepEqual(created, result)
      assert.ok(validateMessagesResult.check(created), 'undeclared fields in messages created')
      const id = (created as { id: number }).id
      // The filter sends an edit to the author's connections only: Ada's on node 0 and node 2.
      const patched = await expectDelivery(clients, [ada0, ada2], 'messages patched', () => ada2.call('messages', 'patch', id, { text: 'edited' }))
      assert.ok(validateMessagesResult.check(patched))
      // A multi call: one event per removed record (node 2 holds two messages by now).
      await expectDelivery(clients, clients, 'messages created', () => ada2.call('messages', 'create', { text: 'second from node 2' }))
      const removed = await expectEvents(clients, clients, 'messages removed', () => ada2.call('messages', 'remove', null), 2)
      assert.deepEqual(removed.map((message) => (message as { text: string }).text).sort(), ['edited', 'second from node 2'])
      for (const message of removed) assert.ok(validateMessagesResult.check(message), 'undeclared fields in messages removed')
      const user = await expectDelivery(clients, clients, 'users created', () => official1.call('users', 'create', { email: 'cy@example.com', name: 'Cy', password: 'cy-password-1' }))
      assert.ok(validateUsersResult.check(user), 'undeclared fields in users created')
    })

    await t.test('service.emit(name, payload) without a context reaches clients as the service event', async () => {
      const typing = await expectDelivery(clients, clients, 'messages typing', () => n1.command('typing'))
      assert.deepEqual(typing, { userId: 1, typing: true })
      const patched = await expectDelivery(clients, clients, 'users patched', () => n2.command('usersPatched'))
      assert.ok(validateUsersResult.check(patched), 'undeclared fields in users patched')
    })

    await t.test('an array of records emitted as one event is cleaned record by record', async () => {
      const records = await expectDelivery(clients, clients, 'users created', () => n0.command('usersCreatedArray'))
      assert.ok(Array.isArray(records) && records.length === 2)
      for (const record of records) assert.ok(validateUsersResult.check(record), `undeclared fields: ${JSON.stringify(record)}`)
    })

    await t.test('nothing secret crosses the broker, authentication included', async () => {
      const login = await official1.call('authentication', 'create', { strategy: 'local', email: 'ada@example.com', password: 'plain-secret' })
      assert.equal(typeof login.accessToken, 'string')
      await waitFor(() => onBroker.some((message) => message.includes('"path":"authentication"')), 5000, 'authentication event on the broker')
      const messages = onBroker.map((message) => JSON.parse(message) as { path: string; event: string; context?: Record<string, unknown> })
      for (const raw of onRedis) for (const secret of SECRETS) assert.ok(!raw.includes(secret), `'${secret}' on the broker: ${raw}`)
      for (const { context } of messages) {
        if (context === undefined) continue
        for (const key of Object.keys(context)) assert.ok(CONTEXT_KEYS.has(key), `context.${key} on the broker`)
        for (const key of Object.keys(context['params'] as object)) assert.ok(PARAMS_KEYS.has(key), `context.params.${key} on the broker`)
      }
      // The declared connection fields do cross: that is what the filter above read.
      const patched = messages.find((message) => message.event === 'patched' && message.path === 'messages')
      assert.equal((patched?.context?.['params'] as { user?: { id?: number } } | undefined)?.user?.id, 1)
      for (const client of clients) {
        for (const { event } of client.received) assert.match(event, /^(messages|users) /, `${client.name} received '${event}'`)
      }
    })

    await t.test('a Redis outage mid-burst crashes no node; events flow again once after', async () => {
      for (let index = 0; index < 30; index++) {
        if (index === 10) await redis!.kill()
        if (index === 20) await redis!.restart()
        // Every call is answered (the client's 5 s timeout would reject it otherwise).
        const created = await ada0.call('messages', 'create', { text: `burst ${index}` })
        assert.equal(created.text, `burst ${index}`)
        await sleep(20)
      }
      for (const node of nodes) assert.ok(node.alive(), `a node died:\n${node.stderr()}`)
      await untilEventsFlow(clients, ada0, 20_000)
      for (let index = 0; index < 10; index++) {
        await expectDelivery(clients, clients, 'messages created', () => ada0.call('messages', 'create', { text: `after ${index}` }))
      }
      for (const node of nodes) {
        assert.equal(await node.command('ping'), 'pong')
        assert.doesNotMatch(node.stderr(), /unhandled|triggerUncaughtException/i)
      }
      // At most once: nothing was delivered twice, and what was published while Redis was down
      // (two calls' slack for the client to notice) is lost, not queued and replayed later.
      for (const client of clients) {
        const heard = createdTexts(client)
        for (const [text, count] of heard) assert.equal(count, 1, `${client.name} heard '${text}' ${count} times`)
        for (let index = 12; index < 20; index++) assert.equal(heard.has(`burst ${index}`), false, `${client.name} heard 'burst ${index}'`)
      }
    })
  } finally {
    for (const stop of started.reverse()) await stop()
  }
}

test('three nodes with feathers-sync over Redis', { timeout: 180_000 }, (t) => scenario(t, false))

test('three nodes with feathers-sync and the Socket.io Redis adapter', { timeout: 180_000 }, (t) => scenario(t, true))
