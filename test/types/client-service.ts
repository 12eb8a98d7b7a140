// Compile-only: the typed client of SPEC §3 for ./schemas — results, pagination, multi, custom
// methods, events, and paths. Lines marked @ts-expect-error must fail; the rest must compile.
import type { Application } from '@feathersjs/feathers'
import authentication from '@feathersjs/authentication-client'
import { io } from 'socket.io-client'
import { createClient } from '../.generated/client.js'
import type { Client, MessagesClient, UsersClient } from '../.generated/client.js'
import type { Message, MessagesMarkReadResult, MessagesTypingEvent, Paginated, User } from '../.generated/types.js'

/** True when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
/** Compiles only for `true`. */
declare function expectTrue<T extends true>(): T

declare const client: Client
const messages = client.service('messages')
const users = client.service('users')
expectTrue<Equal<typeof messages, MessagesClient>>()
expectTrue<Equal<typeof users, UsersClient>>()

// createClient takes a socket.io-client socket and optional options.
const created: Client = createClient(io('http://localhost:3030', { autoConnect: false }), { timeout: 5000 })
void created
// @ts-expect-error the timeout is a number of ms
createClient(io('http://localhost:3030', { autoConnect: false }), { timeout: '5s' })

// A real Feathers application: authentication-client configures onto it.
const app: Application = client
void app
// Feathers packages are CommonJS: under nodenext their default export is `.default`.
client.configure(authentication.default())
void client.authenticate({ strategy: 'local', email: 'a@b.c', password: 'secret' })

// Paths: the declared ones only.
// @ts-expect-error an unknown path
client.service('nowhere')
// @ts-expect-error paths are exact
client.service('/messages')

declare const maybeId: number | null

async function results() {
  // find: Paginated<R> with paginate, R[] without.
  expectTrue<Equal<Awaited<ReturnType<typeof messages.find>>, Paginated<Message>>>()
  expectTrue<Equal<Awaited<ReturnType<typeof users.find>>, User[]>>()
  const one: Message = await messages.get(1)
  const many: Message[] = await messages.remove(null)
  const single: Message = await messages.remove(1)
  const either: Message | Message[] = await messages.remove(maybeId)
  const updated: MessagesMarkReadResult = await messages.markRead({ ids: [1, 2] })
  const user: User = await users.create({ email: 'a@b.c', name: 'A', password: 'secret12' })
  void [one, many, single, either, updated, user]

  // @ts-expect-error remove(null) resolves to an array
  const notOne: Message = await messages.remove(null)
  // @ts-expect-error users has no multi patch
  await users.patch(null, { name: 'x' })
  // @ts-expect-error messages has no multi create
  await messages.create([{ text: 'a' }])
  // @ts-expect-error users lists no remove
  await users.remove(1)
  // @ts-expect-error messages lists no update
  await messages.update(1, { text: 'x' })
  // @ts-expect-error the id is an integer
  await messages.get('1')
  // @ts-expect-error data is checked against the schema
  await messages.create({ text: 'a', userId: 1 })
  // @ts-expect-error patch data has its own type
  await users.patch(1, { email: 'x' })
  // @ts-expect-error custom method data
  await messages.markRead({ ids: ['1'] })
  // @ts-expect-error users has no custom methods
  await users.markRead({ ids: [] })
  void notOne
}
void results

// Events: the standard events of listed methods (payload R) and each custom event.
messages.on('created', (message) => { expectTrue<Equal<typeof message, Message>>() })
messages.once('patched', (message: Message) => void message)
messages.on('removed', (message: Message) => void message)
messages.on('typing', (event) => { expectTrue<Equal<typeof event, MessagesTypingEvent>>() })
const listener = (event: MessagesTypingEvent) => void event
messages.on('typing', listener).off('typing', listener).removeListener('typing', listener)
messages.off('created')
users.on('created', (user: User) => void user)
// @ts-expect-error users lists no remove, so there is no removed event
users.on('removed', () => {})
// @ts-expect-error messages lists no update
messages.on('updated', () => {})
// @ts-expect-error an undeclared event
messages.on('deleted', () => {})
// @ts-expect-error the payload type of created is Message
messages.on('created', (message: User) => void message)
// @ts-expect-error the typing payload is not a Message
messages.once('typing', (event: Message) => void event)
// @ts-expect-error removeListener needs the listener
messages.removeListener('typing')
