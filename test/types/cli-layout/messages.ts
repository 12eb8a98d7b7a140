import type { Params } from '@feathersjs/feathers'
import { resolve } from '@feathersjs/schema'
import { KnexService } from '@feathersjs/knex'
import type { KnexAdapterOptions } from '@feathersjs/knex'
import { registerService } from '../../.generated/server.js'
import type { MessagesHookContext, MessagesParams } from '../../.generated/server.js'
import type { Message, MessageData, MessagesMarkReadData, MessagesMarkReadResult, MessagesPatch } from '../../.generated/types.js'
import type { Application, HookContext } from './declarations.js'

// The CLI's service class, on the generated params type.
export class MessageService<ServiceParams extends Params = MessagesParams> extends KnexService<Message, MessageData, ServiceParams, MessagesPatch> {
  async markRead(data: MessagesMarkReadData, _params: ServiceParams): Promise<MessagesMarkReadResult> {
    return { updated: data.ids.length }
  }
}

// The CLI's resolver typing.
export const messageExternalResolver = resolve<Message, HookContext<MessageService>>({})

export const messages = (app: Application, options: KnexAdapterOptions): void => {
  registerService(app, 'messages', new MessageService(options))
  app.service('messages').hooks({
    before: {
      create: [async (context: MessagesHookContext) => {
        if (context.params.provider === 'rest' && context.params.authentication?.strategy !== 'jwt') throw new Error('no')
      }],
    },
  })
}
