import type { GenModel, GeneratedFile, ServiceModel } from '../model/model.js'
import { block, emitClientService } from './emit-client-service.js'
import type { ClientServiceCode } from './emit-client-service.js'
import { generatedFile } from './header.js'
import { createRunMemo } from '../memo/schema-memo.js'
import { quoteString } from './ts-syntax.js'

// ServiceModel → its client code. The model stage hands out the same object while a service's
// declaration is unchanged (--watch), so an edit re-emits only the services it touched.
const emitted = createRunMemo<ClientServiceCode, ServiceModel>()

/**
 * `client.ts` (SPEC §3): per service its params, events and client interface; `ClientServices`;
 * the method list the runtime registers; `createClient`. It imports only `feathers-sio-gen-runtime/client`
 * and `./types.js`, so a client bundle holds no TypeBox and no validators.
 */
export function emitClient(model: GenModel): GeneratedFile {
  const services = model.services.map((service) => ({ service, code: emitted.use(service, emitClientService) }))
  const typeImports = [...new Set(services.flatMap(({ code }) => code.typeImports))].sort()
  const servicesMap = services.map(({ service }) => `  ${quoteString(service.path)}: ${service.pascal}Client`)
  const methodList = services.map(({ service, code }) =>
    `  ${quoteString(service.path)}: { methods: [${code.methods.map(quoteString).join(', ')}] }`)
  const body = [
    "import { createClientApp } from 'feathers-sio-gen-runtime/client'",
    "import type { ClientApplication, ClientListen, ClientOptions, ClientServiceList, ClientSocket, ClientUnlisten, NotSent, OnlyQueryCrossesTheSocket, QueryKey, RouteQueryKey } from 'feathers-sio-gen-runtime/client'",
    typeImports.length > 0 ? `import type { ${typeImports.join(', ')} } from './types.js'` : '',
    '',
    ...services.map(({ code }) => `${code.declarations}\n`),
    '/** Every service the client knows, by path; `app.service(path)` of any other path is a type error. */',
    `export interface ClientServices ${block(servicesMap)}`,
    '',
    '/** The methods, standard and custom, the client registers for each path. */',
    `export const clientServices = ${methodList.length === 0 ? '{}' : `{\n${methodList.join(',\n')},\n}`} as const satisfies ClientServiceList`,
    '',
    '/** The Feathers client app over the socket.io-client `socket`, typed for every service. */',
    'export type Client = ClientApplication<ClientServices>',
    '',
    '/**',
    ' * A Feathers client application over the socket.io-client `socket`, typed for every service.',
    ' * `options.timeout` (ms, default 10000): no call waits longer; it rejects with `Timeout`.',
    ' */',
    'export function createClient(socket: ClientSocket, options?: ClientOptions): Client {',
    '  return createClientApp<Client>(socket, clientServices, options)',
    '}',
  ]
  return generatedFile('client.ts', body.filter((line, i) => line !== '' || body[i - 1] !== ''), { unchecked: true })
}
