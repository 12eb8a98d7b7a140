import { Type } from '@sinclair/typebox'
import { defineService, querySyntax } from 'feathers-sio-gen'
import { User } from './users.js'

/** A chat message, with its author resolved for display. */
export const Message = Type.Object(
  {
    id: Type.Integer(),
    text: Type.String({ minLength: 1, maxLength: 500 }),
    userId: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    readBy: Type.Array(Type.Integer()),
    user: Type.Optional(User),
  },
  { additionalProperties: false },
)

export const MessageData = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
)

export const MessageQuery = querySyntax(Type.Pick(Message, ['id', 'userId', 'createdAt']))

export const messages = defineService({
  path: 'messages',
  id: Type.Integer(),
  result: Message,
  data: MessageData,
  query: MessageQuery,
  methods: ['find', 'get', 'create', 'patch', 'remove'],
  paginate: true,
  multi: ['remove'],
  custom: {
    markRead: {
      data: Type.Object({ ids: Type.Array(Type.Integer(), { maxItems: 100 }) }, { additionalProperties: false }),
      result: Type.Object({ updated: Type.Integer() }, { additionalProperties: false }),
    },
  },
  events: {
    typing: Type.Object({ userId: Type.Integer(), typing: Type.Boolean() }, { additionalProperties: false }),
  },
})
