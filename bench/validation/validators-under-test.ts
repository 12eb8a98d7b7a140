import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FormatsPluginOptions } from 'ajv-formats'
import type { TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Value } from '@sinclair/typebox/value'

const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats: FormatsPluginOptions) => Ajv

/** A validator as a server uses it: true when valid, else the failures (truthy) it would report. */
export type ServerCheck = (value: unknown) => unknown

// The formats the Feathers CLI's validators.ts adds, with its Ajv options (no allErrors).
const cliFormats: FormatsPluginOptions = [
  'date-time', 'time', 'date', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uri-reference', 'uuid',
  'uri-template', 'json-pointer', 'relative-json-pointer', 'regex',
]

/** The validators of one schema: ours (generated ahead of time), Ajv (as the Feathers CLI sets it up, and reporting every failure), TypeCompiler, Value.Check. */
export async function validatorsUnderTest(oursProject: string | undefined, schema: TSchema, generatedName: string): Promise<Record<string, ServerCheck | string>> {
  const ajv = addFormats(new Ajv({}), cliFormats).compile(schema)
  const ajvAll = addFormats(new Ajv({ allErrors: true }), cliFormats).compile(schema)
  const compiled = TypeCompiler.Compile(schema)
  let ours: ServerCheck | string = 'the generated validators.ts is missing'
  if (oursProject !== undefined) {
    const module = await import(pathToFileURL(join(oursProject, 'generated', 'validators.ts')).href) as Record<string, { check(v: unknown): boolean; errors(v: unknown): unknown[] }>
    const validator = module[generatedName]
    ours = validator === undefined ? `validators.ts has no ${generatedName}` : (value) => validator.check(value) || validator.errors(value)
  }
  return {
    ours,
    ajv: (value) => ajv(value) || ajv.errors,
    ajvAllErrors: (value) => ajvAll(value) || ajvAll.errors,
    typeCompiler: (value) => compiled.Check(value) || [...compiled.Errors(value)],
    valueCheck: (value) => Value.Check(schema, value) || [...Value.Errors(schema, value)],
  }
}
