// What was left of users.schema.ts once the schemas moved to schemas/users.ts: the resolvers.
// There is no external resolver hiding the password: results are cleaned to the User schema.
import { resolve } from '@feathersjs/schema'
import { passwordHash } from '@feathersjs/authentication-local'

import type { HookContext } from '../../declarations'
import type { UserData, UserPatch, UserQuery } from '../../generated/types'
import type { UserService } from './users.class'

export const userDataResolver = resolve<UserData, HookContext<UserService>>({
  password: passwordHash({ strategy: 'local' })
})

export const userPatchResolver = resolve<UserPatch, HookContext<UserService>>({
  password: passwordHash({ strategy: 'local' })
})

export const userQueryResolver = resolve<UserQuery, HookContext<UserService>>({
  // If there is a user (e.g. with authentication), they are only allowed to see their own data
  id: async (value, _query, context) => {
    if (context.params.user) {
      return context.params.user.id
    }

    return value
  }
})
