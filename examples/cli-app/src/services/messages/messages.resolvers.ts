// What was left of messages.schema.ts once the schemas moved to schemas/messages.ts: the resolvers.
// Validation is gone from here: the generated server validates data and queries before these run.
import { resolve, virtual } from '@feathersjs/schema'

import type { HookContext } from '../../declarations'
import type { Message } from '../../generated/types'
import type { MessageService } from './messages.class'

// Sets the author and the time on the server, whatever the client sent (MessageData allows neither).
export const messageDataResolver = resolve<Message, HookContext<MessageService>>({
  userId: async (_value, _message, context) => context.params.user?.id,
  createdAt: async () => Date.now()
})

// Adds the author for display. The internal `get` returns the password hash too: the generated
// server cleans `user` to the User schema before the message leaves the server.
export const messageResolver = resolve<Message, HookContext<MessageService>>({
  user: virtual(async (message, context) => context.app.service('users').get(message.userId))
})
