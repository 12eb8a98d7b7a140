// One node of the fan-out benchmark: `node-main.ts <kind> <projects-root> <redis-uri>`, kind `ours`
// (generated registerServices over feathers-sio-gen's socketio()) or `feathers` (plain
// @feathersjs/socketio, the service registered by hand). Both configure feathers-sync before the
// services, as its README says, and publish every event to every connection. Prints `{"port":n}`
// once listening on 127.0.0.1 (port 0) and exits when its stdin closes.
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import officialSocketio from '@feathersjs/socketio'
import sync from 'feathers-sync'
import { roundTripSpec } from '../round-trip/round-trip-spec.js'

type Listening = Application & { listen(port: number, host: string): Promise<HttpServer> }
const [kind, root, uri] = process.argv.slice(2) as [string, string, string]
const load = (path: string) => import(pathToFileURL(join(root, path)).href) as Promise<Record<string, any>>

const app = feathers()
const module = await load(`feathers-cli/src/services/${roundTripSpec.path}/${roundTripSpec.path}.class.ts`)
const implementation = new module[`${roundTripSpec.record}Service`]({ app })
if (kind === 'ours') {
  const { socketio } = await import('feathers-sio-gen/server')
  const { registerServices } = await load('ours/generated/server.ts')
  app.configure(socketio())
  app.configure(sync.default({ uri }))
  registerServices(app, { [roundTripSpec.path]: implementation })
} else if (kind === 'feathers') {
  app.configure(officialSocketio())
  app.configure(sync.default({ uri }))
  app.use(roundTripSpec.path, implementation, { methods: ['find', 'get', 'create', 'patch', 'remove'], events: [] })
} else {
  throw new Error(`unknown node kind: ${kind}`)
}
app.on('connection', (connection) => app.channel('everyone').join(connection))
app.publish(() => app.channel('everyone'))
await (app as unknown as { sync: { ready: Promise<unknown> } }).sync.ready

const server = await (app as Listening).listen(0, '127.0.0.1')
if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()))
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`)
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
