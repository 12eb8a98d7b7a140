import authentication from '@feathersjs/authentication-client'
import { io } from 'socket.io-client'
import { createClient } from '../../generated/client.js'
import type { Client } from '../../generated/client.js'
import type { Message, User } from '../../generated/types.js'

/** One person in the chat: a logged-in typed client and the messages its events delivered. */
export interface ChatParticipant {
  user: User
  client: Client
  /** Every `messages created` event this participant received, in order. */
  received: Message[]
  say(text: string): Promise<Message>
  /** Resolves once `count` created events have arrived; rejects after `ms`. */
  waitForMessages(count: number, ms?: number): Promise<void>
  leave(): Promise<void>
}

/** Connects to the chat at `url`, signs `name` up and logs in with email and password. */
export async function joinChat(url: string, name: string): Promise<ChatParticipant> {
  const socket = io(url, { transports: ['websocket'], reconnection: false })
  const client = createClient(socket, { timeout: 5000 })
  client.configure(authentication.default({ storage: new authentication.MemoryStorage() }))

  const leave = async () => {
    // Log out first: authentication-client re-authenticates whenever a logged-in socket drops.
    await client.logout().catch(() => undefined)
    socket.close()
  }
  const credentials = { email: `${name.toLowerCase()}@chat.example`, password: `${name}'s long password` }
  let user: User
  try {
    user = await client.service('users').create({ ...credentials, name })
    const login = await client.authenticate({ strategy: 'local', ...credentials })
    // What the server sends is cleaned to the schema, the user of the login result included.
    if ('password' in login.user) throw new Error('a password hash reached the client')
  } catch (error) {
    await leave()
    throw error
  }

  const received: Message[] = []
  client.service('messages').on('created', (message) => received.push(message))
  return {
    user, client, received,
    say: (text) => client.service('messages').create({ text }),
    async waitForMessages(count, ms = 5000) {
      // Bounded: checks every 10 ms, gives up after `ms`.
      for (let waited = 0; received.length < count; waited += 10) {
        if (waited >= ms) throw new Error(`${name} received ${received.length} of ${count} messages within ${ms} ms`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    },
    leave,
  }
}

/**
 * Ann and Bob join, take turns writing (each waiting to receive the other's message as an event),
 * Bob marks Ann's messages read, and Ann reads the conversation back. Returns it, line by line.
 */
export async function runConversation(url: string): Promise<string[]> {
  const ann = await joinChat(url, 'Ann')
  const bob = await joinChat(url, 'Bob')
  try {
    const script: Array<[ChatParticipant, string]> = [
      [ann, 'Hi Bob! Is this chat typed end to end?'],
      [bob, 'Hi Ann. It is: my params can only hold a query.'],
      [ann, 'And the server strips what the schema does not declare.'],
    ]
    for (const [index, [speaker, text]] of script.entries()) {
      await speaker.say(text)
      await Promise.all([ann.waitForMessages(index + 1), bob.waitForMessages(index + 1)])
    }
    const fromAnn = bob.received.filter((message) => message.userId === ann.user.id).map((message) => message.id)
    const { updated } = await bob.client.service('messages').markRead({ ids: fromAnn })

    const page = await ann.client.service('messages').find({ query: { $limit: 50 } })
    const names = new Map([ann.user, bob.user].map((user) => [user.id, user.name]))
    return [
      ...page.data.map((message) => `${names.get(message.userId) ?? '?'}: ${message.text}${message.readBy.length > 0 ? ' (read)' : ''}`),
      `${page.total} messages; Ann received ${ann.received.length} events, Bob ${bob.received.length}; Bob marked ${updated} read`,
    ]
  } finally {
    await ann.leave()
    await bob.leave()
  }
}
