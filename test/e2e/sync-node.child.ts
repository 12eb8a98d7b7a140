// One server node of sync-nodes.test.ts, started as a child process: the sample app (./schemas)
// with the generated registerServices, `app.configure(sync({ uri }))` before it as feathers-sync's
// README says, @feathersjs/authentication on the same app, and optionally the Socket.io Redis
// adapter. Reports `{ ready: port }` over IPC and then runs the parent's commands: events emitted
// by server code without a call context, and `ping`.
import type { AddressInfo } from 'node:net'
import type { Server as HttpServer } from 'node:http'
import type { LocalStrategy } from '@feathersjs/authentication-local'
import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import { createAdapter } from '@socket.io/redis-adapter'
import sync from 'feathers-sync'
import { createClient } from 'redis'
import type { Server, Socket } from 'socket.io'
import { socketio } from 'feathers-sio-gen/server'
import { registerServices } from '../.generated/server.js'
import { configureAuthentication } from '../helpers/configure-authentication.js'
import { createSampleServices } from '../helpers/sample-services.js'

const uri = process.env['REDIS_URI'] ?? ''
const withAdapter = process.env['SIO_ADAPTER'] === 'redis'
// The parent going away ends the node (the test also kills its process group).
process.on('disconnect', () => process.exit(0))

const services = createSampleServices()
const { users } = services.store
users.set(2, { id: 2, email: 'bea@example.com', name: 'Bea', role: 'member', createdAt: '2024-01-02T03:04:05.000Z', password: 'bea-plain-secret', passwordHash: '$2a$bea-hash' })

const adapterClients = withAdapter ? [createClient({ url: uri }), createClient({ url: uri })] : []
// User code's part with the adapter: its Redis clients need error listeners, or an outage kills the node.
for (const client of adapterClients) client.on('error', () => undefined)
await Promise.all(adapterClients.map((client) => client.connect()))

const app: Application = feathers()
app.configure(socketio((io: Server) => {
  // As authentication would after a login: the full stored user (hash and all) on the connection.
  io.use((socket: Socket, next) => {
    const userId: unknown = (socket.handshake.auth as { userId?: unknown }).userId
    const user = typeof userId === 'number' ? users.get(userId) : undefined
    if (user !== undefined) (socket as unknown as { feathers: Record<string, unknown> }).feathers['user'] = { ...user }
    next()
  })
  if (withAdapter) io.adapter(createAdapter(adapterClients[0], adapterClients[1]))
}))
app.configure(sync.default({ uri }))
configureAuthentication(app)
registerServices(app, services)

app.on('connection', (connection) => app.channel('everyone').join(connection))
app.publish(() => app.channel('everyone'))
// A filter reading the call's params: only the author's own connections hear of an edit.
app.service('messages').publish('patched', (_data, context) => {
  const author = (context.params as { user?: { id: number } }).user
  return app.channel('everyone').filter((connection: { user?: { id: number } }) => connection.user !== undefined && connection.user.id === author?.id)
})

// Ada logs in with the local strategy: her stored password becomes a bcrypt hash of `plain-secret`.
const local = (app.service('authentication') as unknown as { getStrategy(name: string): LocalStrategy }).getStrategy('local')
users.get(1)!.password = await local.hashPassword('plain-secret', {})

const server = await (app as unknown as { listen(port: number, host: string): Promise<HttpServer> }).listen(0, '127.0.0.1')
if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()))
const { port } = server.address() as AddressInfo

const commands: Record<string, () => unknown> = {
  ping: () => 'pong',
  // A custom event sent by server code, with an undeclared field the cleaner must drop.
  typing: () => app.service('messages').emit('typing', { userId: 1, typing: true, mood: 'secret-mood' }),
  usersPatched: () => app.service('users').emit('patched', users.get(1)),
  usersCreatedArray: () => app.service('users').emit('created', [users.get(1), users.get(2)]),
}
process.on('message', (message: { id: number; op: string }) => {
  try {
    const command = commands[message.op]
    if (command === undefined) throw new Error(`unknown command ${message.op}`)
    process.send!({ id: message.id, ok: true, value: command() })
  } catch (error) {
    process.send!({ id: message.id, ok: false, error: String(error) })
  }
})
process.send!({ ready: port })
