// For more information about this file see https://dove.feathersjs.com/guides/cli/service.class.html#database-services
import { KnexService } from '@feathersjs/knex'
import type { KnexAdapterOptions } from '@feathersjs/knex'

import type { Application } from '../../declarations'
import type { UsersParams } from '../../generated/server'
import type { User, UserData, UserPatch, UserQuery } from '../../generated/types'

export type { User, UserData, UserPatch, UserQuery }

export type UserParams = UsersParams

// By default calls the standard Knex adapter service methods but can be customized with your own functionality.
// The generated server checks that this class is an implementation of `users` (UsersService).
export class UserService extends KnexService<User, UserData, UserParams, UserPatch> {}

export const getOptions = (app: Application): KnexAdapterOptions => {
  return {
    paginate: app.get('paginate'),
    Model: app.get('sqliteClient'),
    name: 'users'
  }
}
