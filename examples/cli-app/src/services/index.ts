// For more information about this file see https://dove.feathersjs.com/guides/cli/application.html#configure-functions
import type { Application } from '../declarations'
import { registerServices } from '../generated/server'
import { createMessageService, message } from './messages/messages'
import { createUserService, user } from './users/users'

export const services = (app: Application) => {
  // WORKAROUND(issue 9): every generated service registered at once, because the generated server
  // has no per-service registration yet; each module's configure function should do it.
  registerServices(app, { messages: createMessageService(app), users: createUserService(app) })
  app.configure(message)
  app.configure(user)
  // All services will be registered here
}
