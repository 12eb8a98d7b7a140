// The shape of a Feathers CLI app's src/declarations.ts, with the generated services added.
import type { Application as FeathersApplication, HookContext as FeathersHookContext } from '@feathersjs/feathers'
import type { ServiceTypesForServer } from '../../.generated/server.js'

export interface Configuration { host: string; port: number }

/** The CLI's ServiceTypes: each service module adds its path (see messages.ts); generated ones come from ServiceTypesForServer. */
export interface ServiceTypes extends ServiceTypesForServer {}

export type Application = FeathersApplication<ServiceTypes, Configuration>

export type HookContext<S = any> = FeathersHookContext<Application, S>
