import type { Application } from '@feathersjs/feathers'
import feathersSocketio from '@feathersjs/socketio'
import { socketio } from 'feathers-sio-gen/server'
import type { RegisterOptions, SocketioOptions } from 'feathers-sio-gen/server'
import { registerServices } from '../.generated/server.js'
import type { MessagesService, ServerApplication, UsersService } from '../.generated/server.js'
import { createSampleServices } from './sample-services.js'
import { startServer } from './start-server.js'
import type { RunningServer } from './start-server.js'

/** How to build the server a hostile client talks to. */
export interface HostileServerOptions {
  /** `sio-gen` (default): this package's `socketio()`; `feathers`: plain `@feathersjs/socketio`. */
  transport?: 'sio-gen' | 'feathers'
  /** Options of `socketio()` (ours only); its `logger` defaults to the one recording into `logged`. */
  socketio?: SocketioOptions
  /** Options of `registerServices`; its `logger` defaults to the one recording into `logged`. */
  register?: RegisterOptions
  /** Methods replacing the sample `messages` service's. */
  messages?: Partial<MessagesService>
  /** Methods replacing the sample `users` service's. */
  users?: Partial<UsersService>
}

/** A running sample app plus what it logged as hidden from clients. */
export type HostileServer = RunningServer<ServerApplication> & { logged: unknown[][] }

/**
 * The sample app (./schemas) on a free port, every connection in the `everyone` channel which
 * gets every event, with a logger that records instead of printing (the errors are expected).
 */
export async function startHostileServer(options: HostileServerOptions = {}): Promise<HostileServer> {
  const logged: unknown[][] = []
  const logger = { error: (...args: unknown[]) => { logged.push(args) } }
  const services = createSampleServices()
  const running = await startServer<ServerApplication>((app: Application) => {
    app.configure(options.transport === 'feathers' ? feathersSocketio() : socketio({ logger, ...options.socketio }))
    const typed = registerServices(app, {
      messages: { ...services.messages, ...options.messages },
      users: { ...services.users, ...options.users },
    }, { logger, ...options.register })
    app.on('connection', (connection) => app.channel('everyone').join(connection))
    app.publish(() => app.channel('everyone'))
    return typed
  })
  return { ...running, logged }
}
