// For more information about this file see https://dove.feathersjs.com/guides/cli/service.html
import { authenticate } from '@feathersjs/authentication'

import { hooks as schemaHooks } from '@feathersjs/schema'

import { userDataResolver, userPatchResolver, userQueryResolver } from './users.resolvers'

import type { Application } from '../../declarations'
import { registerService } from '../../generated/server'
import { UserService, getOptions } from './users.class'

export const userPath = 'users'

export * from './users.class'
export * from './users.resolvers'

// A configure function that registers the service and its hooks via `app.configure`
export const user = (app: Application) => {
  // Register our service on the Feathers application: methods and events come from
  // schemas/users.ts, with the hook that validates every REST and Socket.io call and cleans what
  // leaves the server (the password hash never does).
  registerService(app, userPath, new UserService(getOptions(app)))
  // Initialize hooks
  app.service(userPath).hooks({
    around: {
      find: [authenticate('jwt')],
      get: [authenticate('jwt')],
      create: [],
      patch: [authenticate('jwt')],
      remove: [authenticate('jwt')]
    },
    before: {
      all: [schemaHooks.resolveQuery(userQueryResolver)],
      create: [schemaHooks.resolveData(userDataResolver)],
      patch: [schemaHooks.resolveData(userPatchResolver)]
    }
  })
}

// Add this service to the service type index
declare module '../../declarations' {
  interface ServiceTypes {
    [userPath]: UserService
  }
}
