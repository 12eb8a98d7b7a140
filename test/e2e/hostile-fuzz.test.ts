import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { TSchema } from '@sinclair/typebox'
import fc from 'fast-check'
import type { Socket } from 'socket.io-client'
import { messages as messagesService } from '../../schemas/messages.js'
import { users as usersService } from '../../schemas/users.js'
import { connectSocket } from '../helpers/connect-client.js'
import { startHostileServer } from '../helpers/start-hostile-server.js'
import type { HostileServer } from '../helpers/start-hostile-server.js'
import { undeclaredKeys } from '../helpers/undeclared-keys.js'

// Wire fuzzing (SPEC §8): raw socket.io emits with random event names, paths (prototype members
// in every position), arities, JSON types, prototype keys in ids, data and queries, binary
// attachments and deep nesting, against a running generated server. Every call with an ack must
// be answered within ANSWER_MS with a result or a 4xx Feathers error (no stack), the server must
// keep serving, and no result or event may hold a field its schema does not declare.
// Budget: at most RUNS property runs (1 to 8 packets each) and TIME_LIMIT_MS (~30 s on an idle
// machine is far more than needed: ~10k packets take ~5 s); FUZZ_SEED / FUZZ_RUNS override.

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261201)
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1500)
const TIME_LIMIT_MS = 30_000
const ANSWER_MS = 3000
const SOCKETS = 3

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf']
const METHODS = ['find', 'get', 'create', 'update', 'patch', 'remove', 'markRead']

/** An object with `key` as an own, enumerable property (a literal `{ __proto__: … }` would set the prototype). */
function withOwnKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...base }
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

/** A value nested `depth` levels deep in arrays or objects. */
function nest(depth: number, inArray: boolean): unknown {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = inArray ? [value] : { a: value }
  return value
}

const json = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<unknown>
const hazardous = fc.tuple(fc.dictionary(fc.string({ maxLength: 5 }), json, { maxKeys: 3 }), fc.constantFrom(...PROTOTYPE_KEYS), json, fc.boolean())
  .map(([base, key, value, nested]) => nested ? { inner: withOwnKey(base, key, value) } : withOwnKey(base, key, value))
const plausible = fc.oneof(
  fc.record({ text: fc.string({ maxLength: 20 }) }),
  fc.record({ ids: fc.array(fc.integer(), { maxLength: 5 }) }),
  fc.record({ email: fc.constantFrom('a@b.cd', 'x', ''), name: fc.string({ maxLength: 5 }), password: fc.string({ maxLength: 12 }) }),
  fc.record({ query: fc.dictionary(fc.constantFrom('id', 'userId', '$limit', '$skip', '$sort', '$or', 'role'), json, { maxKeys: 2 }) }),
  fc.integer({ min: -2, max: 5 }),
  fc.constant(null),
)
const argument = fc.oneof(
  { weight: 4, arbitrary: json },
  { weight: 3, arbitrary: plausible },
  { weight: 2, arbitrary: hazardous },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 10, max: 120 }), fc.boolean()).map(([depth, inArray]) => nest(depth, inArray)) },
)
const path = fc.oneof(
  fc.constantFrom('messages', 'users', 'messages/1', 'users/1', '/messages/', 'nowhere'),
  fc.constantFrom(...PROTOTYPE_KEYS).chain((key) => fc.constantFrom(key, `messages/${key}`, `${key}/messages`, `users/${key}/x`)),
  fc.string({ maxLength: 12 }),
  json,
)
const event = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...METHODS) },
  { weight: 2, arbitrary: fc.constantFrom('error', ...PROTOTYPE_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).filter((name) => !['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].includes(name)) },
)
const text = fc.string({ minLength: 1, maxLength: 40 })
const id = fc.integer({ min: 1, max: 6 })
const query = fc.record({ $limit: fc.integer({ min: 0, max: 5 }), userId: fc.integer({ min: 1, max: 3 }) }, { requiredKeys: [] })
/** Well-formed calls, so results, cleaning and events are fuzzed too, not only refusals. */
type Call = { event: string; path: unknown; args: unknown[] }
const wellFormed: fc.Arbitrary<Call> = fc.oneof<fc.Arbitrary<Call>[]>(
  text.map((t) => ({ event: 'create', path: 'messages', args: [{ text: t }, {}] })),
  query.map((q) => ({ event: 'find', path: 'messages', args: [q] })),
  fc.tuple(id, query).map(([i, q]) => ({ event: 'get', path: 'messages', args: [i, q] })),
  fc.tuple(id, text).map(([i, t]) => ({ event: 'patch', path: 'messages', args: [i, { text: t }, {}] })),
  id.map((i) => ({ event: 'remove', path: 'messages', args: [i, {}] })),
  fc.array(fc.integer(), { maxLength: 5 }).map((ids) => ({ event: 'markRead', path: 'messages', args: [{ ids }, {}] })),
  fc.constant<Call>({ event: 'find', path: 'users', args: [{}] }),
  fc.constant<Call>({ event: 'get', path: 'users', args: [1, {}] }),
  text.map((name) => ({ event: 'create', path: 'users', args: [{ email: 'new@example.com', name: name.slice(0, 100), password: 'long-enough' }, {}] })),
)
/** A well-formed call with a prototype key planted in one of its object arguments. */
const planted = fc.tuple(wellFormed, fc.nat(3), fc.constantFrom(...PROTOTYPE_KEYS), json).map(([call, at, key, value]) => {
  const args = [...call.args]
  const index = args.findIndex((arg, i) => i >= at % args.length && typeof arg === 'object' && arg !== null)
  if (index >= 0) args[index] = withOwnKey(args[index] as Record<string, unknown>, key, value)
  return { ...call, args }
})
const random = fc.record({ event, path, args: fc.array(argument, { maxLength: 4 }) })
const packet = fc.record({
  call: fc.oneof({ weight: 3, arbitrary: random }, { weight: 2, arbitrary: wellFormed }, { weight: 1, arbitrary: planted }),
  ack: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  socket: fc.nat(SOCKETS - 1),
}).map(({ call, ack, socket }) => ({ ...call, ack, socket }))

/** The schema a result of `method` on the service at `path` must match, or undefined for an error-only path. */
function resultSchema(target: unknown, method: string): { schema: TSchema; page: boolean; many: boolean } | undefined {
  if (typeof target !== 'string') return undefined
  const service = target.replace(/^\/+|\/+$/g, '').split('/')[0]
  if (service === 'messages') {
    if (method === 'markRead') return { schema: messagesService.custom.markRead.result, page: false, many: false }
    return { schema: messagesService.result, page: method === 'find', many: method === 'remove' }
  }
  if (service === 'users') return { schema: usersService.result, page: false, many: method === 'find' }
  return undefined
}

/** Failures found in one answer: not an allowed error, a stack, or an undeclared field. */
function judge(sent: { event: string; path: unknown }, answer: unknown[]): string | undefined {
  const [error, result] = answer
  if (error !== null && error !== undefined) {
    const { code, className, stack } = error as { code?: unknown; className?: unknown; stack?: unknown }
    if (typeof code !== 'number' || code < 400 || code > 499 || typeof className !== 'string') return `not a 4xx Feathers error: ${JSON.stringify(error).slice(0, 300)}`
    if (stack !== undefined || /node_modules|\.ts:\d|\.js:\d/.test(JSON.stringify(error))) return `leaks a stack: ${JSON.stringify(error).slice(0, 300)}`
    return undefined
  }
  const expected = resultSchema(sent.path, sent.event)
  if (expected === undefined) return `a result from ${JSON.stringify(sent.path)} ${sent.event}: ${JSON.stringify(result).slice(0, 200)}`
  if (expected.page && typeof result === 'object' && result !== null && !Array.isArray(result)) {
    const extra = Object.keys(result).filter((key) => !['total', 'limit', 'skip', 'data'].includes(key))
    if (extra.length > 0) return `undeclared page fields ${extra.join(', ')}`
    const records = (result as { data: unknown[] }).data
    return records.flatMap((record) => undeclaredKeys(expected.schema, record)).join(', ') || undefined
  }
  const records = Array.isArray(result) && (expected.many || expected.page) ? result : [result]
  return records.flatMap((record) => undeclaredKeys(expected.schema, record)).join(', ') || undefined
}

let server: HostileServer
let sockets: Socket[] = []
const problems: string[] = []
const counts = { packets: 0, withAck: 0, results: 0, noAck: 0, byCode: {} as Record<string, number>, events: 0 }

before(async () => {
  server = await startHostileServer()
  sockets = await Promise.all(Array.from({ length: SOCKETS }, () => connectSocket(server.url)))
  for (const socket of sockets) {
    socket.onAny((name: string, payload: unknown) => {
      counts.events++
      const [service, kind] = name.split(' ')
      const schema = service === 'messages' ? (kind === 'typing' ? messagesService.events.typing : messagesService.result) : usersService.result
      for (const record of Array.isArray(payload) ? payload : [payload]) {
        const extra = undeclaredKeys(schema, record)
        if (extra.length > 0) problems.push(`event '${name}' holds ${extra.join(', ')}`)
      }
    })
    socket.on('disconnect', (reason) => problems.push(`a socket was disconnected: ${reason}`))
  }
})

after(async () => {
  sockets.forEach((socket) => socket.close())
  await server.close()
})

test('every packet of a hostile client is answered with a result or a 4xx, and nothing undeclared leaves', async () => {
  const started = Date.now()
  await fc.assert(fc.asyncProperty(fc.array(packet, { minLength: 1, maxLength: 8 }), async (batch) => {
    const answers = batch.map(async (sent) => {
      counts.packets++
      const socket = sockets[sent.socket]!
      if (!sent.ack) {
        counts.noAck++
        socket.emit(sent.event, sent.path, ...sent.args)
        return
      }
      counts.withAck++
      const answer = await new Promise<unknown[] | undefined>((resolve) => {
        socket.timeout(ANSWER_MS).emit(sent.event, sent.path, ...sent.args, (timeout: Error | null, ...response: unknown[]) => resolve(timeout === null ? response : undefined))
      })
      if (answer === undefined) {
        problems.push(`no answer within ${ANSWER_MS} ms: ${JSON.stringify([sent.event, sent.path]).slice(0, 200)}`)
        return
      }
      const failure = judge(sent, answer)
      if (failure !== undefined) problems.push(`${JSON.stringify([sent.event, sent.path]).slice(0, 120)}: ${failure}`)
      const code = (answer[0] as { code?: number } | null)?.code
      counts.byCode[code === undefined ? 'result' : String(code)] = (counts.byCode[code === undefined ? 'result' : String(code)] ?? 0) + 1
    })
    await Promise.all(answers)
    return problems.length === 0
  }), { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true })
  // The server is alive and serves a plain call on every connection.
  for (const socket of sockets) {
    const [error, users] = await new Promise<unknown[]>((resolve, reject) => {
      socket.timeout(ANSWER_MS).emit('find', 'users', {}, (timeout: Error | null, ...response: unknown[]) => timeout === null ? resolve(response) : reject(timeout))
    })
    assert.equal(error, null)
    assert.ok(Array.isArray(users), `a find after the fuzzing answered ${JSON.stringify(users)}`)
  }
  console.log(`# fuzz: seed ${SEED}, ${counts.packets} packets (${counts.withAck} with an ack, ${counts.noAck} without) in ${Date.now() - started} ms; answers ${JSON.stringify(counts.byCode)}; ${counts.events} events checked`)
  assert.deepEqual(problems.slice(0, 10), [])
  assert.ok(counts.withAck > 1000, 'enough packets were sent')
})

test('the fuzz judge sees undeclared fields, nested ones included', () => {
  const record = { id: 1, text: 't', internalNote: 'x', user: { id: 1, email: 'a@b.cd', passwordHash: 'h' }, readBy: [] }
  assert.deepEqual(undeclaredKeys(messagesService.result, record), ['/internalNote', '/user/passwordHash'])
  assert.match(judge({ event: 'find', path: 'messages' }, [null, { total: 1, limit: 1, skip: 0, data: [], cursor: 1 }]) ?? '', /cursor/)
  assert.match(judge({ event: 'get', path: 'users' }, [{ name: 'GeneralError', code: 500, className: 'general-error', message: 'x' }]) ?? '', /4xx/)
})
