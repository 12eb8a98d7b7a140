// src/declarations.ts in a Feathers CLI app, with the generated services added to ServiceTypes.
import type { HookContext as FeathersHookContext } from '@feathersjs/feathers'
import type { Application as FeathersApplication } from '@feathersjs/koa'
import type { Knex } from 'knex'
import type { ServiceTypesForServer } from '../../.generated/server.js'

export interface Configuration {
  paginate: { default: number; max: number }
  sqliteClient: Knex
}

// Each generated service by path, as `app.service(path)` sees it; the CLI's own services (such as
// `authentication`) are added by their modules, as before.
export interface ServiceTypes extends ServiceTypesForServer {}

export type Application = FeathersApplication<ServiceTypes, Configuration>

export type HookContext<S = any> = FeathersHookContext<Application, S>
