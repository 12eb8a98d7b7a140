import { feathers } from '@feathersjs/feathers'
import type { AuthenticationService } from '@feathersjs/authentication'
import type { Application } from './declarations.js'
import { messages } from './messages.js'

declare module './declarations.js' {
  interface ServiceTypes { authentication: AuthenticationService }
}

export const app: Application = feathers()
app.configure((a) => messages(a as Application, { Model: {} as never, name: 'messages' }))
