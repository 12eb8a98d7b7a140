import type { Application } from '@feathersjs/feathers'
import feathersSocketio from '@feathersjs/socketio'
import type { Server, Socket } from 'socket.io'
import { socketio } from 'feathers-sio-gen/server'
import type { RegisterOptions } from 'feathers-sio-gen/server'
import { registerServices } from '../.generated/server.js'
import type { ServerApplication } from '../.generated/server.js'
import { createSampleServices } from './sample-services.js'
import { startServer } from './start-server.js'
import type { RunningServer } from './start-server.js'

/** Options of the sample server: which transport, and what `registerServices` gets. */
export interface SampleServerOptions {
  /** `sio-gen` (default): this package's `socketio()`; `feathers`: plain `@feathersjs/socketio`. */
  transport?: 'sio-gen' | 'feathers'
  register?: RegisterOptions
}

/** A running sample app (./schemas) and the services behind it. */
export type SampleServer = RunningServer<ServerApplication> & { services: ReturnType<typeof createSampleServices> }

/**
 * The sample app over Socket.io on a free port: `io.use` middleware logs a client in when its
 * handshake carries `auth.userId` (as authentication would: `socket.feathers.user`, hash and all);
 * every connection joins `everyone`, a logged-in one also `role:<role>`; events go to `everyone`.
 */
export async function startSampleServer(options: SampleServerOptions = {}): Promise<SampleServer> {
  const services = createSampleServices()
  const login = (io: Server) => {
    io.use((socket: Socket, next) => {
      const userId: unknown = (socket.handshake.auth as { userId?: unknown }).userId
      const feathersParams = (socket as unknown as { feathers: Record<string, unknown> }).feathers
      const user = typeof userId === 'number' ? services.store.users.get(userId) : undefined
      if (user !== undefined) feathersParams.user = { ...user }
      next()
    })
  }
  const running = await startServer<ServerApplication>((app: Application) => {
    app.configure(options.transport === 'feathers' ? feathersSocketio(login) : socketio(login))
    const typed = registerServices(app, services, options.register)
    app.on('connection', (connection) => {
      app.channel('everyone').join(connection)
      const user = (connection as { user?: { role: string } }).user
      if (user !== undefined) app.channel(`role:${user.role}`).join(connection)
    })
    app.publish(() => app.channel('everyone'))
    return typed
  })
  return { ...running, services }
}
