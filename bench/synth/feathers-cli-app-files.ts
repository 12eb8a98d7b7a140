import { upper } from './feathers-cli-names.js'
import type { ServiceSpec } from './synthesize-services.js'

// The app-level files of `feathers generate app` (packages/generators/src/app/templates of
// Feathers 5). Deviation: declarations.ts types the app with @feathersjs/feathers' Application
// instead of @feathersjs/koa's (no HTTP framework here).

const declarations = `import type { HookContext as FeathersHookContext, NextFunction } from '@feathersjs/feathers'
import type { Application as FeathersApplication } from '@feathersjs/feathers'
import type { ApplicationConfiguration } from './configuration'

export type { NextFunction }

export interface Configuration extends ApplicationConfiguration {}

export interface ServiceTypes {}

export type Application = FeathersApplication<ServiceTypes, Configuration>

export type HookContext<S = any> = FeathersHookContext<Application, S>
`

const configuration = `import { Type, getValidator, defaultAppConfiguration } from '@feathersjs/typebox'
import type { Static } from '@feathersjs/typebox'

import { dataValidator } from './validators'

export const configurationSchema = Type.Intersect([
  defaultAppConfiguration,
  Type.Object({
    host: Type.String(),
    port: Type.Number(),
    public: Type.String()
  })
])

export type ApplicationConfiguration = Static<typeof configurationSchema>

export const configurationValidator = getValidator(configurationSchema, dataValidator)
`

const validators = `import { Ajv, addFormats } from '@feathersjs/schema'
import type { FormatsPluginOptions } from '@feathersjs/schema'

const formats: FormatsPluginOptions = [
  'date-time', 'time', 'date', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uri-reference', 'uuid',
  'uri-template', 'json-pointer', 'relative-json-pointer', 'regex'
]

export const dataValidator: Ajv = addFormats(new Ajv({}), formats)

export const queryValidator: Ajv = addFormats(new Ajv({
  coerceTypes: true
}), formats)
`

/** client.tpl.ts with every service's import and configure line injected, as the CLI does. */
function clientFile(specs: readonly ServiceSpec[]): string {
  return `import { feathers } from '@feathersjs/feathers'
import type { TransportConnection, Application } from '@feathersjs/feathers'
import authenticationClient from '@feathersjs/authentication-client'
import type { AuthenticationClientOptions } from '@feathersjs/authentication-client'
${specs.map((s) => `
import { ${s.camel}Client } from './services/${s.path}/${s.path}.shared'
export type { ${upper(s)}, ${upper(s)}Data, ${upper(s)}Query, ${upper(s)}Patch } from './services/${s.path}/${s.path}.shared'`).join('\n')}

export interface Configuration {
  connection: TransportConnection<ServiceTypes>
}

export interface ServiceTypes {}

export type ClientApplication = Application<ServiceTypes, Configuration>

export const createClient = <Configuration = any> (
  connection: TransportConnection<ServiceTypes>,
  authenticationOptions: Partial<AuthenticationClientOptions> = {}
) => {
  const client: ClientApplication = feathers()

  client.configure(connection)
  client.configure(authenticationClient(authenticationOptions))
  client.set('connection', connection)
${specs.map((s) => `  client.configure(${s.camel}Client)`).join('\n')}
  return client
}
`
}

/** declarations.ts, configuration.ts, validators.ts and client.ts (with every service injected). */
export function feathersCliAppFiles(specs: readonly ServiceSpec[]): Record<string, string> {
  return {
    'src/declarations.ts': declarations,
    'src/configuration.ts': configuration,
    'src/validators.ts': validators,
    'src/client.ts': clientFile(specs),
  }
}
