import type { GenModel } from '../../model/model.js'
import type { Components } from './components.js'
import type { Json } from './json-schema.js'

/**
 * The Socket.io handshake on the default namespace (Engine.IO's query as a WebSocket binding),
 * and, when the schemas declare one, the connection: what socket middleware puts on
 * `socket.feathers` from the handshake (a token, a cookie) is `Connection`, which services see
 * as `params.connection` and its fields as `params.<field>`. It is never a call argument.
 */
export function connectionChannel(model: GenModel, components: Components): { id: string; channel: Json } {
  const declared = model.connection === undefined
    ? 'The schemas declare no connection: services see only what Feathers itself puts on params.'
    : `socket middleware (io.use) derives socket.feathers from the handshake; its shape is components.schemas.Connection `
      + `(${model.connection.file}: ${model.connection.exportName}). Services see it as params.connection and its fields `
      + 'as params.<field>; a client can never send them with a call (the query-only rule).'
  // Feathers authenticates a socket by a call to the `authentication` service's create; when the
  // schemas declare that service, say so: it is what fills socket.feathers for later calls.
  const auth = model.services.find((service) => service.path === 'authentication')
  const authentication = auth === undefined
    ? ''
    : ` Authentication: a call to authentication.create (operation ${auth.pascal}.create) authenticates the socket; `
      + 'the server then keeps the result on socket.feathers for every later call.'
  const channel: Record<string, Json> = {
    address: '/',
    title: 'Socket.io connection (default namespace)',
    description: `The handshake opens the socket every call and event uses. ${declared}${authentication}`,
    bindings: {
      ws: {
        bindingVersion: '0.1.0',
        method: 'GET',
        query: {
          type: 'object',
          properties: {
            EIO: { type: 'string', const: '4', description: 'Engine.IO protocol version' },
            transport: { type: 'string', enum: ['polling', 'websocket'] },
            sid: { type: 'string', description: 'the session id, after the first request' },
          },
          required: ['EIO', 'transport'],
        },
      },
    },
  }
  if (model.connection !== undefined) channel['x-feathers-connection'] = components.ref(model.connection.schema, 'Connection')
  return { id: 'Connection', channel }
}
