// The server of README.md: type-checked by the project typecheck, run by server-readme.test.ts.
// test/unit/server-docs.test.ts keeps the two identical (docs import from './generated/…').
import { feathers } from '@feathersjs/feathers'
import { NotAuthenticated, NotFound } from '@feathersjs/errors'
import { socketio } from 'feathers-sio-gen-runtime/server'
import { registerServices } from '../.generated/server.js'
import type { MessagesHookContext, MessagesService, UsersService } from '../.generated/server.js'
import type { Message, User } from '../.generated/types.js'

type StoredUser = User & { passwordHash: string }
const users = new Map<number, StoredUser>()
const messages = new Map<number, Message>()

function findUser(id: number): StoredUser {
  const user = users.get(id)
  if (user === undefined) throw new NotFound(`No user ${id}`)
  return user
}

function findMessage(id: number): Message {
  const message = messages.get(id)
  if (message === undefined) throw new NotFound(`No message ${id}`)
  return message
}

const usersService: UsersService = {
  async find(params) {
    // params.query is validated: only id, email and role, each a value or { $in, $gt, … }.
    const { role } = params.query
    return [...users.values()].filter((user) => role === undefined || user.role === role)
  },
  async get(id) {
    return findUser(id) // passwordHash is removed before the record leaves the server
  },
  async create(data) {
    const user: StoredUser = {
      id: users.size + 1, email: data.email, name: data.name, role: 'member',
      createdAt: new Date().toISOString(), passwordHash: await hash(data.password),
    }
    users.set(user.id, user)
    return user
  },
  async patch(id, data) {
    const next = { ...findUser(id), ...(data.name === undefined ? {} : { name: data.name }) }
    users.set(id, next)
    return next
  },
}

const messagesService: MessagesService = {
  async find(params) {
    const data = [...messages.values()].slice(0, params.query.$limit ?? 10)
    return { total: messages.size, limit: params.query.$limit ?? 10, skip: 0, data }
  },
  async get(id) {
    return findMessage(id)
  },
  async create(data, params) {
    // params.user is what the connection middleware put on socket.feathers.
    const message: Message = {
      id: messages.size + 1, text: data.text, userId: params.user?.id ?? 0,
      createdAt: new Date().toISOString(), readBy: [],
    }
    messages.set(message.id, message)
    return message
  },
  async patch(id, data) {
    const message = { ...findMessage(id), ...data }
    messages.set(id, message)
    return message
  },
  async remove(id) {
    const removed = id === null ? [...messages.values()] : [findMessage(id)]
    for (const message of removed) messages.delete(message.id)
    return id === null ? removed : removed[0]!
  },
  async markRead(data, params) {
    let updated = 0
    for (const id of data.ids) {
      const message = messages.get(id)
      if (message !== undefined && params.user !== undefined) { message.readBy.push(params.user.id); updated++ }
    }
    return { updated }
  },
}

// The transport first: Feathers gives real-time events only to services registered after it.
const base = feathers()
base.configure(socketio({ cors: { origin: 'http://localhost:5173' } }, (io) => {
  // Whatever socket middleware puts on socket.feathers becomes params of every call.
  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token
    const user = typeof token === 'string' ? users.get(Number(token)) : undefined
    if (user !== undefined) (socket as unknown as { feathers: { user?: User } }).feathers.user = user
    next()
  })
}))

// One call registers both services with their validation and cleaning; `app` knows their types.
export const app = registerServices(base, { users: usersService, messages: messagesService }, {
  validateResults: process.env.NODE_ENV !== 'production',
})

// Channels hold params.connection (socket.feathers); publish every event to logged-in users.
app.on('connection', (connection) => {
  if ((connection as { user?: User }).user !== undefined) app.channel('authenticated').join(connection)
})
app.publish(() => app.channel('authenticated'))

// Hooks are typed per service; the provider narrows to a call with a connection.
app.service('messages').hooks({
  before: {
    create: [async (context: MessagesHookContext) => {
      if (context.params.provider === 'socketio' && context.params.connection.user === undefined) {
        throw new NotAuthenticated('Log in to post')
      }
    }],
  },
})

// Custom events are typed by the schema and cleaned to it when published.
export function typing(userId: number) {
  app.service('messages').emit('typing', { userId, typing: true })
}

export async function start(port = 3030) {
  const server = await app.listen(port)
  console.log(`Feathers over Socket.io on port ${port}`)
  return server
}

async function hash(password: string): Promise<string> {
  return `hashed:${password.length}` // use bcrypt or @feathersjs/authentication-local in a real app
}
