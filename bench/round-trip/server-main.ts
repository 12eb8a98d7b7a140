// A round-trip server in its own process: `server-main.ts <kind> <projects-root>`. Prints
// `{"port":n}` once listening on 127.0.0.1 (port 0), answers `cpu` lines with `{"cpu":µs}`, and
// exits when its stdin closes.
import { createServer } from 'node:http'
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { feathers } from '@feathersjs/feathers'
import type { Application } from '@feathersjs/feathers'
import officialSocketio from '@feathersjs/socketio'
import { Server } from 'socket.io'
import { echoRecord, roundTripSpec } from './round-trip-spec.js'

type Listening = Application & { listen(port: number, host: string): Promise<HttpServer> }
const [kind, root] = process.argv.slice(2) as [string, string]
const load = (path: string) => import(pathToFileURL(join(root, path)).href) as Promise<Record<string, any>>
let nextId = 1

/** The same implementation for every Feathers contender: the Feathers CLI's service class. */
async function implementation(app: Application): Promise<object> {
  const module = await load(`feathers-cli/src/services/${roundTripSpec.path}/${roundTripSpec.path}.class.ts`)
  return new module[`${roundTripSpec.record}Service`]({ app })
}

async function start(): Promise<HttpServer> {
  const app = feathers()
  if (kind === 'ours') {
    const { socketio } = await import('feathers-sio-gen/server')
    const { registerServices } = await load('ours/generated/server.ts')
    app.configure(socketio())
    registerServices(app, { [roundTripSpec.path]: await implementation(app) })
  } else if (kind === 'feathers') {
    app.configure(officialSocketio())
    app.use(roundTripSpec.path, await implementation(app), { methods: ['find', 'get', 'create', 'patch', 'remove'], events: [] })
  } else if (kind === 'feathers-ajv') {
    // The service file `feathers generate service` writes: app.use plus the schema hooks.
    const service = await load(`feathers-cli/src/services/${roundTripSpec.path}/${roundTripSpec.path}.ts`)
    app.configure(officialSocketio())
    service[roundTripSpec.camel](app)
  } else if (kind === 'raw') {
    const http = createServer()
    const io = new Server(http)
    io.on('connection', (socket) => socket.on('echo', (data: object, ack: (error: null, result: unknown) => void) => ack(null, echoRecord(nextId++, data))))
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    return http
  } else {
    throw new Error(`unknown server kind: ${kind}`)
  }
  return (app as Listening).listen(0, '127.0.0.1')
}

const server = await start()
if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()))
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`)
// Each `cpu` line on stdin is answered with the CPU time this process has used (µs).
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'cpu') return
  const { user, system } = process.cpuUsage()
  process.stdout.write(`${JSON.stringify({ cpu: user + system })}\n`)
})
process.stdin.on('end', () => process.exit(0))
