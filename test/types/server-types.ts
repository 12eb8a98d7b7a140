// Compile-only type tests of the generated server.ts (SPEC §3): `npx tsc -p tsconfig.json` must
// accept this file; each `@ts-expect-error` marks a line that must fail to compile.
import { feathers } from '@feathersjs/feathers'
import type { IncomingHttpHeaders } from 'node:http'
import { registerServices } from '../.generated/server.js'
import type { MessagesHookContext, MessagesParams, MessagesService, ServiceImplementations, UsersService } from '../.generated/server.js'
import type { Connection, Message, MessageData, MessagesQuery, Paginated, User } from '../.generated/types.js'

declare const users: UsersService
declare const messages: MessagesService

// An implementation with a wrong method signature is a compile error.
export const wrongId: ServiceImplementations = {
  users,
  messages: {
    ...messages,
    // @ts-expect-error the id of messages is a number, not a string
    async get(id: string, params: MessagesParams) { return messages.get(Number(id), params) },
  },
}
export const wrongResult: ServiceImplementations = {
  users,
  messages: {
    ...messages,
    // @ts-expect-error create must resolve to a message
    async create(_data: MessageData, _params: MessagesParams) { return 'created' },
  },
}
export const wrongData: ServiceImplementations = {
  users,
  messages: {
    ...messages,
    // @ts-expect-error markRead takes { ids: number[] }
    async markRead(data: { ids: string[] }, _params: MessagesParams) { return { updated: data.ids.length } },
  },
}
// @ts-expect-error markRead, a custom method, is required
export const missingCustom: ServiceImplementations = { users, messages: { find: messages.find, get: messages.get, create: messages.create, patch: messages.patch, remove: messages.remove } }
// @ts-expect-error every declared path needs an implementation
export const missingService: ServiceImplementations = { users }

// Feathers' lifecycle methods are allowed on an implementation object.
export const withSetup: ServiceImplementations = {
  users,
  messages: { ...messages, async setup(app, path) { void app.service('users'); void path.length } },
}

// params.query and the connection's fields are typed.
export const find: MessagesService['find'] = async (params) => {
  const userId: MessagesQuery['userId'] = params.query.userId
  const limit: number | undefined = params.query.$limit
  // @ts-expect-error `text` is not a query field of messages
  void params.query.text
  const user: User | undefined = params.user
  // @ts-expect-error the user is optional: not every connection is logged in
  void params.user.email
  void [userId, limit, user]
  return { total: 0, limit: 10, skip: 0, data: [] }
}

// `provider === 'socketio'` narrows to a call with a connection and headers.
export function narrowing(context: MessagesHookContext): void {
  // @ts-expect-error an internal call has no connection
  const before: Connection = context.params.connection
  if (context.params.provider === 'socketio') {
    const connection: Connection = context.params.connection
    const headers: IncomingHttpHeaders = context.params.headers
    const user: User | undefined = connection.user
    void [connection, headers, user]
  } else {
    const none: undefined = context.params.connection
    void none
  }
  // @ts-expect-error provider is 'socketio', 'rest' or undefined
  if (context.params.provider === 'primus') return
  void before
}

// The returned app knows each service's type; code inside the server may omit params.
declare const implementations: ServiceImplementations
const app = registerServices(feathers(), implementations, { validateResults: true })
export const page: Promise<Paginated<Message>> = app.service('messages').find()
export const filtered: Promise<Paginated<Message>> = app.service('messages').find({ query: { userId: 1, $sort: { id: -1 } } })
export const marked: Promise<{ updated: number }> = app.service('messages').markRead({ ids: [1] })
export const user: Promise<User> = app.service('users').get(1)
// @ts-expect-error the query is typed for callers too
app.service('messages').find({ query: { text: 'x' } })
// @ts-expect-error only declared paths exist
app.service('nowhere')
// @ts-expect-error users has no remove
app.service('users').remove(1)
// @ts-expect-error an unknown option
registerServices(feathers(), implementations, { validateEverything: true })

// A typed hook registers on the typed service.
app.service('messages').hooks({
  before: {
    create: [async (context: MessagesHookContext) => {
      if (context.params.provider === 'socketio') context.params.connection.user?.email.toLowerCase()
    }],
  },
})
