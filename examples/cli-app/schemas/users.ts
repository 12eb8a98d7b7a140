// The `users` service for feathers-sio-gen: what was src/services/users/users.schema.ts.
import { Type } from '@sinclair/typebox'
import { defineService, querySyntax } from 'feathers-sio-gen'

/** A user as every client sees it. No password: results are cleaned to this schema. */
export const User = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String({ format: 'email' })
  },
  { additionalProperties: false }
)

/** What signing up sends; the password is hashed by a resolver and never comes back. */
export const UserData = Type.Object(
  {
    email: Type.String({ format: 'email' }),
    password: Type.String({ minLength: 8, maxLength: 128 })
  },
  { additionalProperties: false }
)

export const UserPatch = Type.Partial(UserData, { additionalProperties: false })

export const UserQuery = querySyntax(Type.Pick(User, ['id', 'email']))

export const users = defineService({
  path: 'users',
  id: Type.Integer(),
  result: User,
  data: UserData,
  patch: UserPatch,
  query: UserQuery,
  methods: ['find', 'get', 'create', 'patch', 'remove'],
  paginate: true
})
