import { NotFound } from '@feathersjs/errors'
import type { MessagesService, ServiceImplementations, UsersService } from '../../generated/server.js'
import type { Message, User } from '../../generated/types.js'

/** A stored user: the password hash stays here; the generated server strips it from every result. */
type StoredUser = User & { password: string }

/** True when `record` matches the plain equality filters of `query` (the chat needs no operators). */
function matches(record: object, query: object): boolean {
  return Object.entries(query).every(([key, value]) =>
    key.startsWith('$') || typeof value === 'object' || (record as Record<string, unknown>)[key] === value)
}

/** In-memory `users` and `messages` for the chat (./schemas): no database, gone on restart. */
export function createChatServices(): ServiceImplementations {
  const users = new Map<number, StoredUser>()
  const messages = new Map<number, Message>()
  const getUser = (id: number | string) => {
    // The JWT strategy looks users up by the token's subject, which is a string.
    const user = users.get(Number(id))
    if (user === undefined) throw new NotFound(`No user ${id}`)
    return user
  }
  const getMessage = (id: number) => {
    const message = messages.get(id)
    if (message === undefined) throw new NotFound(`No message ${id}`)
    return message
  }

  const usersService: UsersService = {
    // Also what the local strategy calls (inside the server) to find a user by email.
    async find(params) { return [...users.values()].filter((user) => matches(user, params.query)) },
    async get(id) { return getUser(id) },
    async create(data) {
      const user: StoredUser = { id: users.size + 1, role: 'member', createdAt: new Date().toISOString(), ...data }
      users.set(user.id, user)
      return user
    },
    async patch(id, data) {
      const user = { ...getUser(id), ...data }
      users.set(user.id, user)
      return user
    },
  }

  const messagesService: MessagesService = {
    async find(params) {
      const { $limit = 50, $skip = 0 } = params.query
      const all = [...messages.values()].filter((message) => matches(message, params.query))
      return { total: all.length, limit: $limit, skip: $skip, data: all.slice($skip, $skip + $limit) }
    },
    async get(id) { return getMessage(id) },
    async create(data, params) {
      // `authenticate('jwt')` put the logged-in user on params.
      const author = params.user
      if (author === undefined) throw new NotFound('No author')
      const message: Message = {
        id: messages.size + 1, text: data.text, userId: author.id, createdAt: new Date().toISOString(), readBy: [], user: author,
      }
      messages.set(message.id, message)
      return message
    },
    async patch(id, data) {
      const message = { ...getMessage(id), ...data }
      messages.set(id, message)
      return message
    },
    async remove(id) {
      if (id === null) {
        const all = [...messages.values()]
        messages.clear()
        return all
      }
      const message = getMessage(id)
      messages.delete(id)
      return message
    },
    async markRead(data, params) {
      const reader = params.user?.id
      let updated = 0
      for (const id of data.ids) {
        const message = messages.get(id)
        if (message === undefined || reader === undefined || message.readBy.includes(reader)) continue
        message.readBy.push(reader)
        updated++
      }
      return { updated }
    },
  }
  return { users: usersService, messages: messagesService }
}
