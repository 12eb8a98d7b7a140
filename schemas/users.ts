import { Type } from '@sinclair/typebox'
import { defineService, querySyntax } from 'feathers-sio-gen'

/** A user as every client sees it: no password, no hash. */
export const User = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String({ format: 'email' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: Type.Union([Type.Literal('member'), Type.Literal('admin')]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)

/** What signing up sends: the password goes in, and never comes back out. */
export const UserData = Type.Object(
  {
    email: Type.String({ format: 'email' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 8, maxLength: 128 }),
  },
  { additionalProperties: false },
)

export const UserQuery = querySyntax(Type.Pick(User, ['id', 'email', 'role']))

export const users = defineService({
  path: 'users',
  id: Type.Integer(),
  result: User,
  data: UserData,
  patch: Type.Partial(Type.Pick(UserData, ['name', 'password']), { additionalProperties: false }),
  query: UserQuery,
  methods: ['find', 'get', 'create', 'patch'],
})
