import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'

/**
 * A bare socket.io server on 127.0.0.1 that accepts connections and answers no event at all:
 * what a client meets when nobody handles its call.
 */
export async function startSilentSocketServer(): Promise<{ io: Server; url: string; close(): Promise<void> }> {
  const http = createServer()
  const io = new Server(http)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()))
  const { port } = http.address() as AddressInfo
  return {
    io, url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { void io.close(() => resolve()) }),
  }
}
