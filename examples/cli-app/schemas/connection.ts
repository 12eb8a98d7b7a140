// What the server knows about a connection and a call: the authenticated user, set by the
// authentication service on a Socket.io connection and by the `authenticate` hook on each call.
import { Type } from '@sinclair/typebox'
import { defineConnection } from 'feathers-sio-gen'
import { User } from './users.js'

export const connection = defineConnection(Type.Object({ user: Type.Optional(User) }))
