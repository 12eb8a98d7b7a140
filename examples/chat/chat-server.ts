import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AuthenticationService, JWTStrategy, authenticate } from '@feathersjs/authentication'
import { LocalStrategy, hooks as localHooks } from '@feathersjs/authentication-local'
import { feathers } from '@feathersjs/feathers'
import type { Application, HookContext, NextFunction, Params } from '@feathersjs/feathers'
import type {} from '@feathersjs/transport-commons'
import type { Server } from 'socket.io'
import { socketio } from 'feathers-sio-gen/server'
import { registerServices } from '../../generated/server.js'
import { createChatServices } from './chat-services.js'

/** A running chat server and how to stop it. */
export interface ChatServer {
  url: string
  close(): Promise<void>
}

/**
 * The chat server: the generated `registerServices` (validation, cleaning) over this package's
 * `socketio()`, Feathers authentication (email + password, then JWT), in-memory services, and
 * events for logged-in connections only.
 */
export async function startChatServer(port = 0, host = '127.0.0.1'): Promise<ChatServer> {
  const app = feathers()
  app.configure(socketio())
  app.set('authentication', {
    secret: process.env['CHAT_SECRET'] ?? 'example-only-secret-change-me-0123456789',
    entity: 'user', entityId: 'id', service: 'users', authStrategies: ['jwt', 'local'],
    local: { usernameField: 'email', passwordField: 'password' },
    jwtOptions: { header: { typ: 'access' }, audience: 'chat', issuer: 'feathers', algorithm: 'HS256', expiresIn: '1d' },
  })
  const auth = new AuthenticationService(app)
  auth.register('jwt', new JWTStrategy())
  auth.register('local', new LocalStrategy())
  app.use('authentication', auth)

  // A call made inside the server on a client's behalf (provider set: authentication's
  // getEntity at login) gets the record as the client would, like Feathers' protect() does, so
  // the login result never carries the password hash. App hooks wrap the generated ones.
  app.hooks({
    around: {
      all: [async (context: HookContext, next: NextFunction) => {
        await next()
        if (context.params.provider !== undefined && context.dispatch !== undefined) context.result = context.dispatch
      }],
    },
  })
  const typed = registerServices(app, createChatServices())
  // Runs after the generated hooks have validated the plain password (8 to 128 characters).
  typed.service('users').hooks({ before: { create: [localHooks.hashPassword('password')] } })
  typed.service('messages').hooks({ before: { all: [authenticate('jwt')] } })

  app.on('login', (_result: unknown, { connection }: Params) => {
    if (connection) app.channel('authenticated').join(connection)
  })
  app.publish(() => app.channel('authenticated'))

  const server = await (app as Application & { listen(port: number, host: string): Promise<HttpServer> }).listen(port, host)
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://${host}:${actual}`,
    async close() {
      const io = (app as Application & { io?: Server }).io
      await new Promise<void>((resolve) => (io === undefined ? server.close(() => resolve()) : void io.close(() => resolve())))
    },
  }
}

// `node --import tsx --conditions=feathers-sio-gen-source examples/chat/chat-server.ts` serves on PORT (3030).
if (import.meta.url === `file://${process.argv[1]}`) {
  const chat = await startChatServer(Number(process.env['PORT'] ?? 3030), process.env['HOST'] ?? '127.0.0.1')
  console.log(`chat server on ${chat.url}`)
}
