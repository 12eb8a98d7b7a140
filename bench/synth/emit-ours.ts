import { dataFields, typeboxOf, typeboxProperties } from './field-code.js'
import type { ServiceSpec } from './synthesize-services.js'

/** The schema modules feathers-sio-gen reads for `specs`, one per service, by relative path. */
export function emitOurSchemas(specs: readonly ServiceSpec[]): Record<string, string> {
  return Object.fromEntries(specs.map((spec) => [`${spec.path}.ts`, emitOurSchema(spec)]))
}

/** One schema module in the style of the README: named record, data and query schemas, one service. */
export function emitOurSchema(spec: ServiceSpec): string {
  const { record } = spec
  const result = [`id: Type.Integer()`, ...spec.fields.map((f) => `${f.name}: ${f.optional ? `Type.Optional(${typeboxOf(f)})` : typeboxOf(f)}`)]
  return [
    "import { Type } from '@sinclair/typebox'",
    "import { defineService, querySyntax } from 'feathers-sio-gen'",
    '',
    `export const ${record} = Type.Object({`,
    ...result.map((line) => `  ${line},`),
    '}, { additionalProperties: false })',
    '',
    `export const ${record}Input = Type.Object({ ${typeboxProperties(dataFields(spec))} }, { additionalProperties: false })`,
    '',
    `export const ${record}Filter = querySyntax(Type.Pick(${record}, [${spec.queryKeys.map((k) => `'${k}'`).join(', ')}]))`,
    '',
    `export const ${spec.camel} = defineService({`,
    `  path: '${spec.path}',`,
    '  id: Type.Integer(),',
    `  result: ${record},`,
    `  data: ${record}Input,`,
    `  patch: Type.Partial(${record}Input, { additionalProperties: false }),`,
    `  query: ${record}Filter,`,
    "  methods: ['find', 'get', 'create', 'patch', 'remove'],",
    '})',
    '',
  ].join('\n')
}
