import { Type } from '@sinclair/typebox'
import { defineConnection } from 'feathers-sio-gen'
import { User } from './users.js'

/** What the server's socket middleware puts on `socket.feathers`: the logged-in user, if any. */
export const connection = defineConnection(Type.Object({ user: Type.Optional(User) }))
