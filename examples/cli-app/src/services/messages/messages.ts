// For more information about this file see https://dove.feathersjs.com/guides/cli/service.html
import { authenticate } from '@feathersjs/authentication'

import { hooks as schemaHooks } from '@feathersjs/schema'

import { messageDataResolver, messageResolver } from './messages.resolvers'

import type { Application } from '../../declarations'
import { MessageService, getOptions } from './messages.class'

export const messagePath = 'messages'

export * from './messages.class'
export * from './messages.resolvers'

// The service object `messages` is registered with (see services/index.ts).
export const createMessageService = (app: Application) => new MessageService(getOptions(app))

// A configure function that sets up the service's hooks via `app.configure`. Methods (with the
// custom `count`), events, validation and cleaning come from the generated server (schemas/messages.ts).
export const message = (app: Application) => {
  // WORKAROUND(issue 9): the service itself is registered in services/index.ts, with every other
  // service in one registerServices call; it belongs here: registerService(app, messagePath, createMessageService(app)).
  app.service(messagePath).hooks({
    around: {
      all: [authenticate('jwt'), schemaHooks.resolveResult(messageResolver)]
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
