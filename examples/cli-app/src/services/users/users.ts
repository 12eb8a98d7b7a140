// For more information about this file see https://dove.feathersjs.com/guides/cli/service.html
import { authenticate } from '@feathersjs/authentication'

import { hooks as schemaHooks } from '@feathersjs/schema'

import { userDataResolver, userPatchResolver, userQueryResolver } from './users.resolvers'

import type { Application } from '../../declarations'
import { UserService, getOptions } from './users.class'

export const userPath = 'users'

export * from './users.class'
export * from './users.resolvers'

// The service object `users` is registered with (see services/index.ts).
export const createUserService = (app: Application) => new UserService(getOptions(app))

// A configure function that sets up the service's hooks via `app.configure`. Methods, events,
// validation and cleaning come from the generated server (schemas/users.ts).
export const user = (app: Application) => {
  // WORKAROUND(issue 9): the service itself is registered in services/index.ts, with every other
  // service in one registerServices call; it belongs here: registerService(app, userPath, createUserService(app)).
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
