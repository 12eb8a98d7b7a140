// For more information about this file see https://dove.feathersjs.com/guides/cli/service.html
import { authenticate } from '@feathersjs/authentication'

import { hooks as schemaHooks } from '@feathersjs/schema'

import { messageDataResolver, messageResolver } from './messages.resolvers'

import type { Application } from '../../declarations'
import { registerService } from '../../generated/server'
import { MessageService, getOptions } from './messages.class'

export const messagePath = 'messages'

export * from './messages.class'
export * from './messages.resolvers'

// A configure function that registers the service and its hooks via `app.configure`
export const message = (app: Application) => {
  // Register our service on the Feathers application: its methods (with the custom `count`) and
  // events come from schemas/messages.ts, with the hook that validates every REST and Socket.io
  // call and cleans what leaves the server. Authentication runs first: an anonymous caller gets
  // 401, not a validation error.
  registerService(app, messagePath, new MessageService(getOptions(app)), { before: [authenticate('jwt')] })
  // Initialize hooks
  app.service(messagePath).hooks({
    around: {
      all: [schemaHooks.resolveResult(messageResolver)]
    },
    before: {
      create: [schemaHooks.resolveData(messageDataResolver)]
    }
  })
}

// Add this service to the service type index
declare module '../../declarations' {
  interface ServiceTypes {
    [messagePath]: MessageService
  }
}
