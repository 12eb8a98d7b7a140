// For more information about this file see https://dove.feathersjs.com/guides/cli/service.class.html#database-services
import { BadRequest } from '@feathersjs/errors'
import { KnexService } from '@feathersjs/knex'
import type { KnexAdapterOptions } from '@feathersjs/knex'

import type { Application } from '../../declarations'
import type { MessagesParams } from '../../generated/server'
import type {
  Message,
  MessageData,
  MessagePatch,
  MessageQuery,
  MessagesCountData,
  MessagesCountResult
} from '../../generated/types'

export type { Message, MessageData, MessagePatch, MessageQuery }

export type MessageParams = MessagesParams

// By default calls the standard Knex adapter service methods but can be customized with your own functionality.
// The generated server checks that this class is an implementation of `messages` (MessagesService).
export class MessageService extends KnexService<Message, MessageData, MessageParams, MessagePatch> {
  // A custom method (listed under `custom` in schemas/messages.ts): how many messages a user wrote.
  async count(data: MessagesCountData, params: MessageParams): Promise<MessagesCountResult> {
    const userId = data.userId ?? params.user?.id
    if (userId === undefined) throw new BadRequest('count needs a userId when called without a user')
    // `$limit: 0` with pagination on asks the adapter for the total alone.
    const page = await this._find({ query: { userId, $limit: 0 }, paginate: { default: 1, max: 1 } })
    return { userId, total: page.total }
  }
}

export const getOptions = (app: Application): KnexAdapterOptions => {
  return {
    paginate: app.get('paginate'),
    Model: app.get('sqliteClient'),
    name: 'messages'
  }
}
