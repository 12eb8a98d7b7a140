import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import { bodyParser, errorHandler, koa, rest } from '@feathersjs/koa'
import { socketio } from 'feathers-sio-gen/server'
import { closeApp } from './start-server.js'
import type { RunningServer } from './start-server.js'

/**
 * A Feathers app laid out as `feathers generate app` makes it (Koa, REST and Socket.io), on
 * 127.0.0.1 at a free port. `configure` registers services, authentication and hooks.
 */
export async function startKoaServer<A extends Application>(configure: (app: Application) => A | Promise<A>): Promise<RunningServer<A>> {
  const base = koa(feathers())
  base.use(errorHandler())
  base.use(bodyParser())
  base.configure(rest())
  base.configure(socketio())
  const app = await configure(base as unknown as Application)
  const server = await (app as unknown as { listen(port: number, host: string): Promise<HttpServer> }).listen(0, '127.0.0.1')
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { app, port, url: `http://127.0.0.1:${port}`, close: () => closeApp(app, server) }
}

/** A REST call's status and JSON body. */
export interface RestAnswer {
  status: number
  body: any
}

/** Calls `url` with `fetch` (JSON body, optional bearer token) and reads the JSON answer. */
export async function restCall(url: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<RestAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`
  const response = await fetch(url, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
}
