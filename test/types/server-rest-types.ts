// Compile-only type tests of issue 10's typing (SPEC §6): REST params, authentication, internal
// `paginate: false`, per-service registration, hook contexts on an app with other services.
import { feathers } from '@feathersjs/feathers'
import type { Application, HookContext } from '@feathersjs/feathers'
import type { AuthenticationService } from '@feathersjs/authentication'
import { authenticate } from '@feathersjs/authentication'
import { MemoryService } from '@feathersjs/memory'
import type { IncomingHttpHeaders } from 'node:http'
import { registerService, registerServices } from '../.generated/server.js'
import type { MessagesHookContext, MessagesParams, ServiceImplementations, ServiceTypesForServer, UsersParams, UsersService } from '../.generated/server.js'
import type { Message, MessageData, MessageQuery, MessagesPatch, Paginated, User, UserData, UsersPatch } from '../.generated/types.js'

declare const implementations: ServiceImplementations

// params.provider covers both transports; 'rest' narrows to an HTTP call with headers and no connection.
export function restNarrowing(context: MessagesHookContext): void {
  if (context.params.provider === 'rest') {
    const headers: IncomingHttpHeaders = context.params.headers
    const none: undefined = context.params.connection
    void [headers, none]
  }
  // @ts-expect-error a REST or internal call has no connection
  const connection: object = context.params.connection
  // params.authentication is Feathers' AuthenticationRequest shape, not unknown.
  const strategy: string | undefined = context.params.authentication?.strategy
  const authenticated: boolean | undefined = context.params.authenticated
  // @ts-expect-error authentication is an object, not a string
  const wrong: string | undefined = context.params.authentication
  void [connection, strategy, authenticated, wrong]
}

// Internal find: a page by default, the plain array with paginate: false.
const app = registerServices(feathers(), implementations)
export const page: Promise<Paginated<Message>> = app.service('messages').find({ query: {} })
export const all: Promise<Message[]> = app.service('messages').find({ paginate: false })
export const allFiltered: Promise<Message[]> = app.service('messages').find({ query: { userId: 1 }, paginate: false })
// @ts-expect-error without paginate: false it is a page, not an array
export const notAnArray: Promise<Message[]> = app.service('messages').find({ query: {} })
// users is not paginated: find is an array either way.
export const usersList: Promise<User[]> = app.service('users').find()

// Per service, typed by path: the returned app knows that service.
declare const usersService: UsersService
const one = registerService(feathers(), 'users', usersService)
export const oneUser: Promise<User> = one.service('users').get(1)
// @ts-expect-error only users was registered on this app
one.service('messages')
// @ts-expect-error the implementation must fit the path
registerService(feathers(), 'messages', usersService)
// @ts-expect-error only declared paths
registerService(feathers(), 'nowhere', usersService)
// The explicit form of the signature other code builds on.
export const explicit = registerService<'users'>(feathers(), 'users', usersService, { validateResults: true })

// Adapter classes are implementations without casts.
class PagedUserStore extends MemoryService<User, UserData, UsersParams, UsersPatch> {}
// @ts-expect-error an adapter's find resolves to a page for plain params; users is declared without paginate
registerService(feathers(), 'users', new PagedUserStore())
// Without paginate in the schema, delegate find to the adapter with paginate: false.
const userStore = new PagedUserStore()
export const memoryUsers = registerService(feathers(), 'users', {
  find: (params) => userStore.find({ ...params, paginate: false }),
  get: (id, params) => userStore.get(id, params),
  create: (data, params) => userStore.create(data, params),
  patch: (id, data, params) => userStore.patch(id, data, params),
})
class MessageStore extends MemoryService<Message, MessageData, MessagesParams, MessagesPatch> {
  async markRead(data: { ids: number[] }): Promise<{ updated: number }> { return { updated: data.ids.length } }
}
export const memoryMessages = registerService(feathers(), 'messages', new MessageStore({ paginate: { default: 10, max: 50 }, multi: ['remove'] }))

// Authentication before validation: Feathers' authenticate hook fits `before`.
registerService(feathers(), 'messages', new MessageStore(), { before: [authenticate('jwt')] })
// @ts-expect-error before takes hooks
registerService(feathers(), 'messages', new MessageStore(), { before: ['jwt'] })

// A generated hook context fits an app that has services the schemas don't describe.
interface AppServices extends ServiceTypesForServer { authentication: AuthenticationService }
declare const fullApp: Application<AppServices>
fullApp.service('messages').hooks({
  before: { create: [async (context: MessagesHookContext) => { void context.params.query }] },
  around: { all: [async (context: MessagesHookContext<Application<AppServices>>, next) => { void context.app.service('authentication'); await next() }] },
})
// The CLI's resolver typing: a HookContext of the app and the service.
export type MessageContext = HookContext<Application<AppServices>, AppServices['messages']>
export const query: (context: MessageContext) => MessageQuery = (context) => context.params.query ?? {}
