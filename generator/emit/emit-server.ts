import type { GenModel, GeneratedFile, ServiceModel } from '../model/model.js'
import { validatorsExportName } from './emit-validators.js'
import { generatedFile } from './header.js'
import { createRunMemo } from '../memo/schema-memo.js'
import { serviceTypeNames } from './type-names.js'

/** The type of the trailing params argument of every method of a service. */
const paramsName = (service: ServiceModel) => `${service.pascal}Params`

/** The implementation interface's method signatures (SPEC §3): listed methods, then custom ones. */
function methodSignatures(service: ServiceModel): { lines: string[]; types: string[] } {
  const names = serviceTypeNames(service)
  const [R, I, P] = [names.result, names.id, paramsName(service)]
  const D = names.data ?? 'never'
  const PD = names.patch ?? 'never'
  const multi = (method: 'create' | 'patch' | 'remove') => service.multi.includes(method)
  const many = (method: 'create' | 'patch' | 'remove') => (multi(method) ? `${R} | ${R}[]` : R)
  const nullable = (method: 'patch' | 'remove') => (multi(method) ? `${I} | null` : I)
  const signatures: Record<string, string> = {
    find: `find(params: ${P}): Promise<${service.paginate ? `Paginated<${R}>` : `${R}[]`}>`,
    get: `get(id: ${I}, params: ${P}): Promise<${R}>`,
    create: `create(data: ${multi('create') ? `${D} | ${D}[]` : D}, params: ${P}): Promise<${many('create')}>`,
    update: `update(id: ${I}, data: ${D}, params: ${P}): Promise<${R}>`,
    patch: `patch(id: ${nullable('patch')}, data: ${PD}, params: ${P}): Promise<${many('patch')}>`,
    remove: `remove(id: ${nullable('remove')}, params: ${P}): Promise<${many('remove')}>`,
  }
  const lines = service.methods.map((method) => signatures[method] ?? '')
  const types = [R, I, names.query, ...(names.data === undefined ? [] : [names.data]), ...(names.patch === undefined ? [] : [names.patch])]
  for (const method of service.custom) {
    lines.push(`${method.name}(data: ${names.customData(method)}, params: ${P}): Promise<${names.customResult(method)}>`)
    types.push(names.customData(method), names.customResult(method))
  }
  if (service.paginate && service.methods.includes('find')) types.push('Paginated')
  // Only what the signatures name (and the query, which the params type names): an unused
  // import would fail a user's `noUnusedLocals`.
  const text = lines.join('\n')
  return { lines, types: types.filter((type) => type === names.query || new RegExp(`\\b${type}\\b`).test(text)) }
}

/** The route type of a path with placeholders (`{ userId: string }`), or undefined. */
function routeType(service: ServiceModel): string | undefined {
  return service.routeParams.length === 0 ? undefined : `{ ${service.routeParams.map((name) => `${JSON.stringify(name)}: string`).join('; ')} }`
}

/** The declarations of one service: params, implementation interface, hook context. */
function serviceDeclarations(service: ServiceModel): { text: string; types: string[] } {
  const names = serviceTypeNames(service)
  const { lines, types } = methodSignatures(service)
  const route = routeType(service)
  const p = service.pascal
  const text = [
    `/** What every \`${service.path}\` method receives: the validated query, and for Socket.io calls the connection and headers. */`,
    `export type ${p}Params = ServerParams<${names.query}, Connection${route === undefined ? '' : `, ${route}`}>`,
    '',
    `/** What an implementation of \`${service.path}\` provides. */`,
    `export interface ${p}Service {`,
    ...lines.map((line) => `  ${line}`),
    '  /** Called by Feathers once the app is set up / torn down. */',
    '  setup?(app: ServerApplication, path: string): Promise<void>',
    '  teardown?(app: ServerApplication, path: string): Promise<void>',
    '}',
    '',
    `/**`,
    ` * A hook context of \`${service.path}\`; \`params.provider === 'socketio'\` narrows to a call with a connection,`,
    ` * \`'rest'\` to an HTTP call. \`A\` is the app (any app by default, so the hook fits an app with more`,
    ` * services, e.g. \`authentication\`); pass yours (the CLI's \`Application\`) for a typed \`context.app\`.`,
    ` */`,
    `export type ${p}HookContext<A = Application> = HookContext<A, ServiceTypesForServer[${JSON.stringify(service.path)}]>`,
  ].join('\n')
  return { text, types }
}

// ServiceModel → its declarations. The model stage hands out the same object while a service's
// declaration is unchanged (--watch), so an edit re-emits only the services it touched.
const declared = createRunMemo<{ text: string; types: string[] }, ServiceModel>()

/**
 * `server.ts`: per service the params type, the implementation interface and a hook context type;
 * `registerServices(app, implementations, options?)`, a one-line call into the runtime with the
 * service descriptors and the validators of `validators.ts`, returning the app typed per path.
 */
export function emitServer(model: GenModel): GeneratedFile {
  const declarations = model.services.map((service) => declared.use(service, serviceDeclarations))
  const types = [...new Set(['Connection', ...declarations.flatMap((entry) => entry.types)])].sort()
  const validators = model.services.map(validatorsExportName).sort()
  const key = (service: ServiceModel) => JSON.stringify(service.path)
  const descriptor = (service: ServiceModel) =>
    `  { path: ${key(service)}, methods: ${JSON.stringify(service.methods)}, multi: ${JSON.stringify(service.multi)}, paginate: ${String(service.paginate)}, validators: ${validatorsExportName(service)} },`
  const body = [
    "import type { Application, HookContext } from '@feathersjs/feathers'",
    "import { registerServices as registerDescribedServices } from 'feathers-sio-gen-runtime/server'",
    "import type { CallableService, RegisterOptions, ServerParams, ServiceDescriptor, WithServices } from 'feathers-sio-gen-runtime/server'",
    `import type { ${types.join(', ')} } from './types.js'`,
    ...(validators.length > 0 ? [`import { ${validators.join(', ')} } from './validators.js'`] : []),
    '',
    ...declarations.map((entry) => `${entry.text}\n`),
    '/** One implementation per service path. */',
    'export interface ServiceImplementations {',
    ...model.services.map((service) => `  ${key(service)}: ${service.pascal}Service`),
    '}',
    '',
    '/** The services by path as code inside the server calls them (`app.service(path)`): params optional. */',
    'export interface ServiceTypesForServer {',
    ...model.services.map((service) => `  ${key(service)}: CallableService<${service.pascal}Service>`),
    '}',
    '',
    '/** The application `registerServices` returns. */',
    'export type ServerApplication = Application<ServiceTypesForServer>',
    '',
    'const descriptors: readonly ServiceDescriptor[] = [',
    ...model.services.map(descriptor),
    ']',
    '',
    '/**',
    ' * Registers every service with its methods, custom methods and events, and the hooks that guard',
    ' * and validate transport calls and clean what leaves the server. Returns `app`, typed per path.',
    ' */',
    'export function registerServices<Settings>(',
    '  app: Application<any, Settings>,',
    '  implementations: ServiceImplementations,',
    '  options?: RegisterOptions,',
    '): Application<ServiceTypesForServer, Settings> {',
    '  return registerDescribedServices(app as Application, descriptors, implementations as unknown as Record<string, unknown>, options) as unknown as Application<ServiceTypesForServer, Settings>',
    '}',
    '',
    '/**',
    ' * Registers one service, as a Feathers CLI app does in each service\'s module (`app.configure(messages)`):',
    ' * the same hooks as `registerServices`. Returns `app`, typed so that `app.service(path)` knows it.',
    ' */',
    'export function registerService<L extends keyof ServiceImplementations, Services = any, Settings = any>(',
    '  app: Application<Services, Settings>,',
    '  path: L,',
    '  implementation: ServiceImplementations[L],',
    '  options?: RegisterOptions,',
    '): Application<WithServices<Services, Pick<ServiceTypesForServer, L>>, Settings> {',
    '  const described = descriptors.filter((descriptor) => descriptor.path === path)',
    '  return registerDescribedServices(app as Application, described, { [path]: implementation }, options) as unknown as Application<WithServices<Services, Pick<ServiceTypesForServer, L>>, Settings>',
    '}',
  ]
  return generatedFile('server.ts', body)
}
