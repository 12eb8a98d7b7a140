// The server of the load and memory check, in its own process so its RSS is its own:
// `stress-server.ts [maxPendingCalls]`. Prints `{"port":n}` once listening on 127.0.0.1 (port 0);
// each line `rss` on stdin is answered `{"rss":bytes,"received":packets,"closed":connections}` after a full GC; exits when stdin closes.
import { createInterface } from 'node:readline'
import type { Application } from '@feathersjs/feathers'
import type { Server, Socket } from 'socket.io'
import { NotFound } from '@feathersjs/errors'
import { socketio } from 'feathers-sio-gen/server'
import { registerServices } from '../.generated/server.js'
import type { ServerApplication } from '../.generated/server.js'
import type { Message, User } from '../.generated/types.js'
import { startServer } from '../helpers/start-server.js'

const max = process.argv[2] === undefined ? undefined : Number(process.argv[2])
const CREATED_AT = '2024-01-02T03:04:05.000Z'
const ada: User & { passwordHash: string } = { id: 1, email: 'ada@example.com', name: 'Ada', role: 'admin', createdAt: CREATED_AT, passwordHash: '$2a$hash' }
let nextId = 1

/** A message as a store would return it: with an undeclared note and the author's hash. */
const stored = (id: number, text: string): Message & { internalNote: string } => ({ id, text, userId: 1, createdAt: CREATED_AT, readBy: [], user: { ...ada }, internalNote: 'not for clients' })

// Nothing is kept between calls, so any growth of RSS is the server's own.
const server = await startServer<ServerApplication>((app: Application) => {
  app.configure(socketio(max === undefined ? {} : { maxPendingCalls: max }))
  const typed = registerServices(app, {
    messages: {
      async find() { return { total: 0, limit: 10, skip: 0, data: [] } },
      async get(id) { if (id > 1_000_000_000) throw new NotFound(`No message ${id}`); return stored(id, `message ${id}`) },
      async create(data) { return stored(nextId++, data.text) },
      async patch(id, data) { return stored(id, data.text ?? '') },
      async remove(id) { return stored(id ?? 0, '') },
      async markRead(data) { return { updated: data.ids.length } },
    },
    users: {
      async find() { return [ada] },
      async get() { return ada },
      async create(data) { return { ...ada, ...data, id: nextId++ } },
      async patch() { return ada },
    },
  })
  // Each connection hears the events of its own calls only, so every reply and event is checkable.
  app.publish((_data, context) => app.channel(app.channels).filter((connection) => connection === context.params.connection))
  app.on('connection', (connection) => app.channel('all').join(connection))
  return typed
})
// Every event packet that reached a socket, so the flood can wait until the server has read it all.
let received = 0
// Connections the server closed itself (the bound on unanswered calls closes a client that reads nothing).
let closed = 0
const io = (server.app as unknown as { io: Server }).io
io.on('connection', (socket: Socket) => {
  socket.onAny(() => { received++ })
  socket.on('disconnect', (reason: string) => { if (reason === 'server namespace disconnect') closed++ })
})
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`)
const gc = (globalThis as { gc?: () => void }).gc
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'rss') return
  gc?.()
  process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss, received, closed })}\n`)
})
process.stdin.on('end', () => { void server.close().finally(() => process.exit(0)) })
