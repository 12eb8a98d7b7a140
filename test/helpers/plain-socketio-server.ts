import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import socketio from '@feathersjs/socketio'
import type { Server } from 'socket.io'
// Types only: the `channel`/`publish` declarations @feathersjs/socketio installs at run time.
import type {} from '@feathersjs/transport-commons'

/** A Feathers app listening on 127.0.0.1 with its port, and how to close it. */
export interface RunningApp {
  app: Application
  port: number
  url: string
  close(): Promise<void>
}

/**
 * Starts a plain `@feathersjs/socketio` server (no generated code) on a free port. `configure`
 * registers services by hand; `configureIo` may add socket middleware (`io.use`).
 */
export async function startPlainSocketioServer(
  configure: (app: Application) => void | Promise<void>,
  configureIo?: (io: Server) => void,
): Promise<RunningApp> {
  const app = feathers()
  app.configure(socketio((io) => configureIo?.(io)))
  await configure(app)
  return listen(app)
}

/** Sets `app` up on a new HTTP server on 127.0.0.1, port 0, and reads the port back. */
export async function listen(app: Application): Promise<RunningApp> {
  const server = createServer()
  await app.setup(server)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    app, port, url: `http://127.0.0.1:${port}`,
    async close() {
      await app.teardown()
      const io = (app as Application & { io?: Server }).io
      // io.close() also closes the HTTP server and disconnects every socket.
      if (io !== undefined) await new Promise<void>((resolve) => { void io.close(() => resolve()) })
      else await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
