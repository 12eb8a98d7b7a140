import { typeboxOf } from './field-code.js'
import { className, upper } from './feathers-cli-names.js'
import type { ServiceSpec } from './synthesize-services.js'

// The files `feathers generate service` writes for a custom service with a TypeBox schema and a
// client (packages/generators/src/service/templates of Feathers 5). Deviation: the service class
// bodies are a small in-memory store that type-checks against these records instead of the
// template's `text` demo (create returns the new record without keeping it, so load tests don't
// grow the heap).

/** \`<name>.schema.ts\`: schema.typebox.tpl.ts with our record's properties. */
function schemaFile(spec: ServiceSpec): string {
  const [c, u] = [spec.camel, upper(spec)]
  const props = [`id: Type.Integer()`, ...spec.fields.map((f) => `${f.name}: ${f.optional ? `Type.Optional(${typeboxOf(f)})` : typeboxOf(f)}`)]
  return `import { resolve } from '@feathersjs/schema'
import { Type, getValidator, querySyntax } from '@feathersjs/typebox'
import type { Static } from '@feathersjs/typebox'

import type { HookContext } from '../../declarations'
import { dataValidator, queryValidator } from '../../validators'
import type { ${className(spec)} } from './${spec.path}.class'

// Main data model schema
export const ${c}Schema = Type.Object({
${props.map((p) => `    ${p}`).join(',\n')}
  }, { $id: '${u}', additionalProperties: false })
export type ${u} = Static<typeof ${c}Schema>
export const ${c}Validator = getValidator(${c}Schema, dataValidator)
export const ${c}Resolver = resolve<${u}, HookContext<${className(spec)}>>({})

export const ${c}ExternalResolver = resolve<${u}, HookContext<${className(spec)}>>({
})

// Schema for creating new entries
export const ${c}DataSchema = Type.Pick(${c}Schema, [${spec.dataKeys.map((k) => `'${k}'`).join(', ')}], {
  $id: '${u}Data'
})
export type ${u}Data = Static<typeof ${c}DataSchema>
export const ${c}DataValidator = getValidator(${c}DataSchema, dataValidator)
export const ${c}DataResolver = resolve<${u}, HookContext<${className(spec)}>>({})

// Schema for updating existing entries
export const ${c}PatchSchema = Type.Partial(${c}Schema, {
  $id: '${u}Patch'
})
export type ${u}Patch = Static<typeof ${c}PatchSchema>
export const ${c}PatchValidator = getValidator(${c}PatchSchema, dataValidator)
export const ${c}PatchResolver = resolve<${u}, HookContext<${className(spec)}>>({})

// Schema for allowed query properties
export const ${c}QueryProperties = Type.Pick(${c}Schema, [${spec.queryKeys.map((k) => `'${k}'`).join(', ')}])
export const ${c}QuerySchema = Type.Intersect([
  querySyntax(${c}QueryProperties),
  // Add additional query properties here
  Type.Object({}, { additionalProperties: false })
], { additionalProperties: false })
export type ${u}Query = Static<typeof ${c}QuerySchema>
export const ${c}QueryValidator = getValidator(${c}QuerySchema, queryValidator)
export const ${c}QueryResolver = resolve<${u}Query, HookContext<${className(spec)}>>({})
`
}

/** \`<name>.class.ts\`: custom.tpl.ts (a custom service class) with an in-memory body. */
function classFile(spec: ServiceSpec): string {
  const u = upper(spec)
  const serverSet = spec.fields.filter((f) => !f.optional && !spec.dataKeys.includes(f.name)).map((f) => `${f.name}: new Date().toISOString(), `).join('')
  return `import type { Id, NullableId, Params, ServiceInterface } from '@feathersjs/feathers'

import type { Application } from '../../declarations'
import type { ${u}, ${u}Data, ${u}Patch, ${u}Query } from './${spec.path}.schema'

export type { ${u}, ${u}Data, ${u}Patch, ${u}Query }

export interface ${className(spec)}Options {
  app: Application
}

export interface ${u}Params extends Params<${u}Query> {}

export class ${className(spec)}<ServiceParams extends ${u}Params = ${u}Params>
    implements ServiceInterface<${u}, ${u}Data, ServiceParams, ${u}Patch> {
  records: ${u}[] = []
  nextId = 1

  constructor (public options: ${className(spec)}Options) {}

  async find (_params?: ServiceParams): Promise<${u}[]> {
    return this.records
  }

  async get (id: Id, _params?: ServiceParams): Promise<${u}> {
    return this.records.find((record) => record.id === id) as ${u}
  }

  async create (data: ${u}Data, params?: ServiceParams): Promise<${u}>
  async create (data: ${u}Data[], params?: ServiceParams): Promise<${u}[]>
  async create (data: ${u}Data | ${u}Data[], params?: ServiceParams): Promise<${u} | ${u}[]> {
    if (Array.isArray(data)) {
      return Promise.all(data.map((current) => this.create(current, params)))
    }
    const record: ${u} = { id: this.nextId++, ${serverSet}...data }
    return record
  }

  async update (id: NullableId, data: ${u}Data, _params?: ServiceParams): Promise<${u}> {
    return { ...(await this.get(id as Id)), ...data }
  }

  async patch (id: NullableId, data: ${u}Patch, _params?: ServiceParams): Promise<${u}> {
    return { ...(await this.get(id as Id)), ...data }
  }

  async remove (id: NullableId, _params?: ServiceParams): Promise<${u}> {
    return this.get(id as Id)
  }
}

export const getOptions = (app: Application) => {
  return { app }
}
`
}

/** \`<name>.shared.ts\`: shared.tpl.ts verbatim. */
function sharedFile(spec: ServiceSpec): string {
  const [c, u, k] = [spec.camel, upper(spec), className(spec)]
  return `import type { Params } from '@feathersjs/feathers'
import type { ClientApplication } from '../../client'
import type { ${u}, ${u}Data, ${u}Patch, ${u}Query, ${k} } from './${spec.path}.class'

export type { ${u}, ${u}Data, ${u}Patch, ${u}Query }

export type ${u}ClientService = Pick<${k}<Params<${u}Query>>, (typeof ${c}Methods)[number]>

export const ${c}Path = '${spec.path}'

export const ${c}Methods = ['find', 'get', 'create', 'patch', 'remove'] as const

export const ${c}Client = (client: ClientApplication) => {
  const connection = client.get('connection')

  client.use(${c}Path, connection.service(${c}Path), {
    methods: ${c}Methods
  })
}

declare module '../../client' {
  interface ServiceTypes {
    [${c}Path]: ${u}ClientService
  }
}
`
}

/** \`<name>.ts\`: service.tpl.ts with schema hooks and no authentication. */
function serviceFile(spec: ServiceSpec): string {
  const [c, k] = [spec.camel, className(spec)]
  return `import { hooks as schemaHooks } from '@feathersjs/schema'

import {
  ${c}DataValidator, ${c}PatchValidator, ${c}QueryValidator, ${c}Resolver, ${c}ExternalResolver,
  ${c}DataResolver, ${c}PatchResolver, ${c}QueryResolver
} from './${spec.path}.schema'

import type { Application } from '../../declarations'
import { ${k}, getOptions } from './${spec.path}.class'
import { ${c}Path, ${c}Methods } from './${spec.path}.shared'

export * from './${spec.path}.class'
export * from './${spec.path}.schema'

export const ${c} = (app: Application) => {
  app.use(${c}Path, new ${k}(getOptions(app)), {
    methods: ${c}Methods,
    events: []
  })
  app.service(${c}Path).hooks({
    around: {
      all: [schemaHooks.resolveExternal(${c}ExternalResolver), schemaHooks.resolveResult(${c}Resolver)]
    },
    before: {
      all: [schemaHooks.validateQuery(${c}QueryValidator), schemaHooks.resolveQuery(${c}QueryResolver)],
      find: [],
      get: [],
      create: [schemaHooks.validateData(${c}DataValidator), schemaHooks.resolveData(${c}DataResolver)],
      patch: [schemaHooks.validateData(${c}PatchValidator), schemaHooks.resolveData(${c}PatchResolver)],
      remove: []
    },
    after: { all: [] },
    error: { all: [] }
  })
}

declare module '../../declarations' {
  interface ServiceTypes {
    [${c}Path]: ${k}
  }
}
`
}

/** The four files of one service, by path relative to the project. */
export function feathersCliServiceFiles(spec: ServiceSpec): Record<string, string> {
  const dir = `src/services/${spec.path}/${spec.path}`
  return {
    [`${dir}.schema.ts`]: schemaFile(spec),
    [`${dir}.class.ts`]: classFile(spec),
    [`${dir}.shared.ts`]: sharedFile(spec),
    [`${dir}.ts`]: serviceFile(spec),
  }
}
