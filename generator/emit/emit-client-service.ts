import type { ServiceModel } from '../model/model.js'
import { propertyName } from './ts-syntax.js'
import { serviceTypeNames } from './type-names.js'

/** The standard event each method's call announces. */
const EVENT_OF = { create: 'created', update: 'updated', patch: 'patched', remove: 'removed' } as const

/** `{ … }` around member lines, or `{}`. */
export function block(lines: string[]): string {
  return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n}`
}

/** The client declarations of one service, and the `types.ts` names they use. */
export interface ClientServiceCode {
  /** `<Pascal>ClientParams`, `<Pascal>Events`, `<Pascal>Client`. */
  declarations: string
  /** Names imported from `./types.js`. */
  typeImports: string[]
  /** `methods` for the registration constant: the standard methods, then the custom ones. */
  methods: string[]
}

/** `<Pascal>ClientParams`, `<Pascal>Events` and `<Pascal>Client` for one service (SPEC §3). */
export function emitClientService(service: ServiceModel): ClientServiceCode {
  const names = serviceTypeNames(service)
  const p = service.pascal
  const used = new Set<string>([names.query])
  const use = (name: string | undefined): string => {
    if (name === undefined) throw new Error(`${service.path}: a type the client needs is missing from the model`)
    used.add(name)
    return name
  }
  const params = `${p}ClientParams`
  const hasRoute = service.routeParams.length > 0
  // Route placeholders travel inside the path, so they are the one required key besides `query`.
  const paramsDecl = hasRoute
    ? `/** What a \`${service.path}\` call may carry: the query, and the route placeholders that go into the path. */\n` +
      `export interface ${params} {\n  query?: ${names.query}\n  route: { ${service.routeParams.map((name) => `${propertyName(name)}: string | number`).join('; ')} }\n}`
    : `/** What a \`${service.path}\` call may carry: only the query crosses the socket. */\n` +
      `export interface ${params} {\n  query?: ${names.query}\n}`
  const opt = hasRoute ? '' : '?'
  // Only the argument's keys are inferred (K). An extra key breaks K's constraint, TypeScript falls
  // back to the constraint, which holds `NotSent`, and the parameter then requires a brand no value
  // has. Written out rather than through a type alias: an alias costs every call instantiations.
  const arg = `params${opt}: ${params} & { [Q in K]?: unknown } & (NotSent extends K ? OnlyQueryCrossesTheSocket : unknown)`
  // `keyof <Pascal>ClientParams | NotSent` by its shared name: the same type, fewer parsed nodes.
  const generic = `K extends ${hasRoute ? 'RouteQueryKey' : 'QueryKey'} = never`
  const many = (method: 'create' | 'patch' | 'remove') => service.multi.includes(method)

  const members: string[] = []
  const method = (name: string, args: string, result: string) =>
    members.push(`  ${name}<${generic}>(${args}${args === '' ? '' : ', '}${arg}): Promise<${result}>`)
  // `id: null` addresses every record the query matches and resolves to an array.
  const manyById = (name: string, rest: string, id: string, result: string) =>
    members.push(`  ${name}<I extends ${id} | null, ${generic}>(id: I${rest === '' ? '' : `, ${rest}`}, ${arg}): Promise<I extends null ? ${result}[] : ${result}>`)
  for (const name of service.methods) {
    const id = name === 'find' || name === 'create' ? '' : use(names.id)
    const result = use(names.result)
    if (name === 'find') method('find', '', service.paginate ? `${use('Paginated')}<${result}>` : `${result}[]`)
    if (name === 'get') method('get', `id: ${id}`, result)
    if (name === 'create') {
      // Overloads keep excess-property checks on the data; the single form last, because a
      // failed call is reported against the last overload and one record is the common case.
      if (many('create')) method('create', `data: ${use(names.data)}[]`, `${result}[]`)
      method('create', `data: ${use(names.data)}`, result)
    }
    if (name === 'update') method('update', `id: ${id}, data: ${use(names.data)}`, result)
    if (name === 'patch') {
      // One signature with a generic id rather than overloads, so an error names the bad argument.
      if (many('patch')) manyById('patch', `data: ${use(names.patch)}`, id, result)
      else method('patch', `id: ${id}, data: ${use(names.patch)}`, result)
    }
    if (name === 'remove') {
      if (many('remove')) manyById('remove', '', id, result)
      else method('remove', `id: ${id}`, result)
    }
  }
  for (const custom of service.custom) {
    method(custom.name, `data: ${use(names.customData(custom))}`, use(names.customResult(custom)))
  }

  const events = [
    ...service.methods.flatMap((name) => (name in EVENT_OF ? [`  ${EVENT_OF[name as keyof typeof EVENT_OF]}: ${use(names.result)}`] : [])),
    ...service.events.map((event) => `  ${propertyName(event.name)}: ${use(names.event(event))}`),
  ]
  // The listeners are properties typed by shared generic aliases (see ClientListen): spelled out
  // in each client they were a third of the parsed client.ts (12 MB more at 500 services).
  const client = `${p}Client`
  const listeners = [
    `  on: ClientListen<${p}Events, ${client}>`,
    `  once: ClientListen<${p}Events, ${client}>`,
    '  /** Without a listener, removes every listener of `event`. */',
    `  off: ClientUnlisten<${p}Events, ${client}>`,
    `  removeListener: ClientListen<${p}Events, ${client}>`,
  ]
  const declarations = [
    paramsDecl,
    `/** The real-time events of \`${service.path}\` a client can listen to, and their payloads. */\n` +
      `export interface ${p}Events ${block(events)}`,
    `/** The typed client of the \`${service.path}\` service. */\n` +
      `export interface ${client} ${block([...members, ...listeners])}`,
  ].join('\n\n')
  return {
    declarations,
    typeImports: [...used].sort(),
    methods: [...service.methods, ...service.custom.map((custom) => custom.name)],
  }
}
