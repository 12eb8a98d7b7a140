import { NotFound } from '@feathersjs/errors'
import type { MessagesParams, MessagesService, ServiceImplementations, UsersParams, UsersService } from '../.generated/server.js'
import type { Message, MessagesMarkReadData, MessagesPatch, User, UserData, UsersPatch } from '../.generated/types.js'

/** A stored user: what the schema declares plus what must never leave the server. */
export type StoredUser = User & { password: string; passwordHash: string }

/** A stored message: what the schema declares plus an internal note, with the full author. */
export type StoredMessage = Omit<Message, 'user'> & { internalNote: string; user?: StoredUser }

/** Every call the sample services received, in order: `method` and the params they saw. */
export interface CallLog {
  calls: Array<{ path: string; method: string; params: MessagesParams | UsersParams }>
}

const CREATED_AT = '2024-01-02T03:04:05.000Z'

/**
 * In-memory implementations of the sample app's services (./schemas) that return records
 * carrying undeclared fields (a password, its hash, an internal note), so tests can check
 * that none of it reaches a client.
 */
export function createSampleServices(): ServiceImplementations & CallLog & {
  users: UsersService
  messages: MessagesService
  store: { users: Map<number, StoredUser>; messages: Map<number, StoredMessage> }
} {
  const log: CallLog['calls'] = []
  const users = new Map<number, StoredUser>([
    [1, { id: 1, email: 'ada@example.com', name: 'Ada', role: 'admin', createdAt: CREATED_AT, password: 'plain-secret', passwordHash: '$2a$hash' }],
  ])
  const messages = new Map<number, StoredMessage>()
  const getUser = (id: number) => {
    const user = users.get(id)
    if (user === undefined) throw new NotFound(`No user ${id}`)
    return user
  }
  const getMessage = (id: number) => {
    const message = messages.get(id)
    if (message === undefined) throw new NotFound(`No message ${id}`)
    return message
  }
  const usersService: UsersService = {
    async find(params) { log.push({ path: 'users', method: 'find', params }); return [...users.values()] },
    async get(id, params) { log.push({ path: 'users', method: 'get', params }); return getUser(id) },
    async create(data: UserData, params) {
      log.push({ path: 'users', method: 'create', params })
      const user: StoredUser = { id: users.size + 1, email: data.email, name: data.name, role: 'member', createdAt: CREATED_AT, password: data.password, passwordHash: `hash:${data.password}` }
      users.set(user.id, user)
      return user
    },
    async patch(id, data: UsersPatch, params) {
      log.push({ path: 'users', method: 'patch', params })
      const user = { ...getUser(id), ...data }
      users.set(id, user)
      return user
    },
  }
  const messagesService: MessagesService = {
    async find(params) {
      log.push({ path: 'messages', method: 'find', params })
      const data = [...messages.values()]
      return Object.assign({ total: data.length, limit: 10, skip: 0, data }, { internalCursor: 'opaque' })
    },
    async get(id, params) { log.push({ path: 'messages', method: 'get', params }); return getMessage(id) },
    async create(data, params) {
      log.push({ path: 'messages', method: 'create', params })
      const userId = params.user?.id ?? 1
      const message: StoredMessage = { id: messages.size + 1, text: data.text, userId, createdAt: CREATED_AT, readBy: [], internalNote: 'not for clients', user: getUser(userId) }
      messages.set(message.id, message)
      return message
    },
    async patch(id, data: MessagesPatch, params) {
      log.push({ path: 'messages', method: 'patch', params })
      const message = { ...getMessage(id), ...data }
      messages.set(id, message)
      return message
    },
    async remove(id, params) {
      log.push({ path: 'messages', method: 'remove', params })
      if (id === null) {
        const all = [...messages.values()]
        messages.clear()
        return all
      }
      const message = getMessage(id)
      messages.delete(id)
      return message
    },
    async markRead(data: MessagesMarkReadData, params) {
      log.push({ path: 'messages', method: 'markRead', params })
      return Object.assign({ updated: data.ids.length }, { auditTrail: ['internal'] })
    },
  }
  return { users: usersService, messages: messagesService, calls: log, store: { users, messages } }
}
