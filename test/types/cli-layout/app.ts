// src/app.ts and src/authentication.ts in a Feathers CLI app (the parts the types depend on).
import { AuthenticationService } from '@feathersjs/authentication'
import { feathers } from '@feathersjs/feathers'
import { koa, rest } from '@feathersjs/koa'
import type { Application } from './declarations.js'
import { messages } from './messages.js'

declare module './declarations.js' {
  interface ServiceTypes {
    authentication: AuthenticationService
  }
}

export const app: Application = koa(feathers())
app.configure(rest())
app.use('authentication', new AuthenticationService(app))
app.configure(messages)

// The app knows the generated services and the CLI's own.
export const page = app.service('messages').find({ query: { userId: 1 } })
export const list = app.service('messages').find({ paginate: false })
export const auth: AuthenticationService = app.service('authentication')
