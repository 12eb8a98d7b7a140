import { authenticate } from '@feathersjs/authentication'
import { hooks as localHooks } from '@feathersjs/authentication-local'
import { NotFound } from '@feathersjs/errors'
import type { Application, Params } from '@feathersjs/feathers'
import type { Message, User } from '../.generated/types.js'
import { configureAuthentication } from './configure-authentication.js'
import { startPlainSocketioServer } from './plain-socketio-server.js'
import type { RunningApp } from './plain-socketio-server.js'

/** A stored user: what the client sees, plus the password hash it must never see. */
type StoredUser = User & { password: string }

/** The auth server, and every params its `messages` service was called with. */
export interface AuthServer extends RunningApp {
  messageParams: (Params & { user?: User })[]
}

/**
 * A plain `@feathersjs/socketio` server with `@feathersjs/authentication` (local + JWT strategies),
 * an in-memory `users` service (password hashed with bcryptjs, never returned) and a `messages`
 * service that needs a JWT; message events are published to the `authenticated` channel only.
 */
export async function startAuthSocketioServer(): Promise<AuthServer> {
  const messageParams: AuthServer['messageParams'] = []
  const server = await startPlainSocketioServer((app: Application) => {
    configureAuthentication(app)

    const users: StoredUser[] = []
    app.use('users', {
      async find(params: Params) {
        const email = params.query?.email as string | undefined
        return users.filter((user) => email === undefined || user.email === email)
      },
      async get(id: number | string) {
        // The JWT strategy passes the token's subject, a string.
        const user = users.find((candidate) => candidate.id === Number(id))
        if (user === undefined) throw new NotFound(`No user ${id}`)
        return user
      },
      async create(data: { email: string; name: string; password: string }) {
        const user: StoredUser = { id: users.length + 1, role: 'member', createdAt: new Date(0).toISOString(), ...data }
        users.push(user)
        return user
      },
    })
    app.service('users').hooks({
      before: { create: [localHooks.hashPassword('password')] },
      // `protect` removes the hash from results that leave over a transport.
      after: { all: [localHooks.protect('password')] },
    })

    const messages: Message[] = []
    app.use('messages', {
      async find() { return { total: messages.length, limit: 10, skip: 0, data: messages } },
      async create(data: { text: string }, params: Params & { user?: User }) {
        messageParams.push(params)
        const message: Message = { id: messages.length + 1, text: data.text, userId: params.user?.id ?? -1, createdAt: new Date(0).toISOString(), readBy: [] }
        messages.push(message)
        return message
      },
    })
    app.service('messages').hooks({ before: { all: [authenticate('jwt')] } })

    app.on('login', (_result: unknown, { connection }: Params) => {
      if (connection) app.channel('authenticated').join(connection)
    })
    app.service('messages').publish(() => app.channel('authenticated'))
  })
  return Object.assign(server, { messageParams })
}
