import type { AddressInfo } from 'node:net'
import type { Server as HttpServer } from 'node:http'
import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import type { Server } from 'socket.io'

/** A Feathers app listening on 127.0.0.1 at a free port; `close()` stops it and every socket. */
export interface RunningServer<A extends Application = Application> {
  app: A
  port: number
  url: string
  close(): Promise<void>
}

/** How the app is configured before it listens: transports, services, channels. */
export type Configure<A extends Application> = (app: Application) => A | void | Promise<A | void>

/**
 * Builds a Feathers app, lets `configure` add a transport and services, then listens on port 0
 * and reads the port back (tests never use fixed ports).
 */
export async function startServer<A extends Application = Application>(configure: Configure<A>): Promise<RunningServer<A>> {
  const base = feathers()
  const app = ((await configure(base)) ?? base) as A
  // Feathers types `listen` with one argument; @feathersjs/socketio passes them all to http's.
  const server = await (app as unknown as { listen(port: number, host: string): Promise<HttpServer> }).listen(0, '127.0.0.1')
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { app, port, url: `http://127.0.0.1:${port}`, close: () => closeApp(app, server) }
}

/** Closes the app's Socket.io server (disconnecting its sockets) and the HTTP server. */
export async function closeApp(app: Application, server?: HttpServer): Promise<void> {
  const io = (app as { io?: Server }).io
  if (io !== undefined) await new Promise<void>((resolve) => io.close(() => resolve()))
  if (server !== undefined && server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
}
