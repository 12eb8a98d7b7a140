// src/services/messages/messages.ts in a Feathers CLI app, on the generated server.
import { authenticate } from '@feathersjs/authentication'
import type { Params } from '@feathersjs/feathers'
import { KnexService } from '@feathersjs/knex'
import type { KnexAdapterOptions } from '@feathersjs/knex'
import { resolve } from '@feathersjs/schema'
import { registerService } from '../../.generated/server.js'
import type { MessagesHookContext, MessagesParams } from '../../.generated/server.js'
import type { Message, MessageData, MessagesMarkReadData, MessagesMarkReadResult, MessagesPatch } from '../../.generated/types.js'
import type { Application, HookContext } from './declarations.js'

// The CLI's service class, on the generated params type: an implementation without casts.
export class MessageService<ServiceParams extends Params = MessagesParams>
  extends KnexService<Message, MessageData, ServiceParams, MessagesPatch> {
  async markRead(data: MessagesMarkReadData, _params: ServiceParams): Promise<MessagesMarkReadResult> {
    return { updated: data.ids.length }
  }
}

// The CLI's resolver typing still compiles.
export const messageExternalResolver = resolve<Message, HookContext<MessageService>>({})

// Hooks typed per service; `provider` covers REST and Socket.io, `authentication` is typed.
export const logProvider = async (context: MessagesHookContext) => {
  if (context.params.provider === 'rest') console.log('REST call by', context.params.authentication?.strategy)
}

export const messages = (app: Application) => {
  const options: KnexAdapterOptions = { Model: app.get('sqliteClient'), name: 'messages', paginate: app.get('paginate') }
  // Authentication runs before validation: an anonymous caller gets 401, not the schema's 400.
  registerService(app, 'messages', new MessageService(options), { before: [authenticate('jwt')] })
  app.service('messages').hooks({ before: { create: [logProvider] } })
}
