// The `messages` service for feathers-sio-gen: what was src/services/messages/messages.schema.ts.
import { Type } from '@sinclair/typebox'
import { defineService, querySyntax } from 'feathers-sio-gen'
import { User } from './users.js'

/** A chat message; `user` is resolved from `userId` for display. */
export const Message = Type.Object(
  {
    id: Type.Integer(),
    text: Type.String({ minLength: 1, maxLength: 500 }),
    userId: Type.Integer(),
    createdAt: Type.Integer(),
    user: Type.Optional(User)
  },
  { additionalProperties: false }
)

/** What a client sends; `userId` and `createdAt` are set by resolvers on the server. */
export const MessageData = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false }
)

export const MessagePatch = Type.Partial(MessageData, { additionalProperties: false })

export const MessageQuery = querySyntax(Type.Pick(Message, ['id', 'text', 'userId', 'createdAt']))

export const messages = defineService({
  path: 'messages',
  id: Type.Integer(),
  result: Message,
  data: MessageData,
  patch: MessagePatch,
  query: MessageQuery,
  methods: ['find', 'get', 'create', 'patch', 'remove'],
  paginate: true,
  custom: {
    // A custom method: how many messages a user wrote (the caller's own when `userId` is left out).
    count: {
      data: Type.Object({ userId: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
      result: Type.Object({ userId: Type.Integer(), total: Type.Integer() }, { additionalProperties: false })
    }
  }
})
