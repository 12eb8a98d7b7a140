import { Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import type { MultiMethod, ServiceDeclaration, StandardMethod } from 'feathers-sio-gen-runtime'
import { compareText } from './collect-exports.js'
import type { Found } from './collect-exports.js'
import type { CustomMethodModel, EventModel, ServiceModel } from './model.js'
import { pascalCase } from './pascal-case.js'
import { routeParams } from './route-params.js'
import { isRecursive, isSchema, kindOf } from './typebox-kind.js'

/** The standard methods in their canonical order. */
export const STANDARD_METHODS: readonly StandardMethod[] = ['find', 'get', 'create', 'update', 'patch', 'remove']

/** The methods `multi` may name, in their canonical order. */
export const MULTI_METHODS: readonly MultiMethod[] = ['create', 'patch', 'remove']

// Stands in for a schema the rules reject, so a model can still be built (and is then discarded).
const missing = (): TSchema => Type.Unknown()

/**
 * The service model of one declaration, every default applied (SPEC §1). Tolerates any input:
 * what is wrong is reported by the rules, and the model is only used when there are no diagnostics.
 */
export function applyDefaults(found: Found<ServiceDeclaration>): ServiceModel {
  const definition = found.value as unknown as Record<string, unknown>
  const path = typeof definition['path'] === 'string' ? definition['path'] : ''
  const listed = Array.isArray(definition['methods']) ? definition['methods'] as unknown[] : []
  const methods = STANDARD_METHODS.filter((method) => listed.includes(method))
  const data = asSchema(definition['data'])
  return {
    path,
    pascal: pascalCase(path),
    file: found.file,
    exportName: found.exportName,
    methods,
    id: asSchema(definition['id']) ?? Type.Union([Type.String(), Type.Number()]),
    result: asSchema(definition['result']) ?? missing(),
    data,
    patch: asSchema(definition['patch']) ?? (data === undefined ? undefined : defaultPatch(data)),
    query: asSchema(definition['query']) ?? Type.Object({}, { additionalProperties: false }),
    paginate: definition['paginate'] === true,
    multi: multiMethods(definition['multi'], methods),
    custom: entries(definition['custom']).map(([name, value]): CustomMethodModel => {
      const method = typeof value === 'object' && value !== null ? value as Record<string, unknown> : {}
      return {
        name,
        pascal: pascalCase(name),
        data: asSchema(method['data']) ?? missing(),
        result: asSchema(method['result']) ?? missing(),
      }
    }),
    events: entries(definition['events']).map(([name, value]): EventModel => ({
      name, pascal: pascalCase(name), schema: asSchema(value) ?? missing(),
    })),
    routeParams: routeParams(path),
  }
}

/**
 * `Partial(data)`, for the kinds TypeBox makes partial faithfully (objects, and unions and
 * intersections of them); for others (a Ref, a Recursive whose $id Partial drops) there is no
 * default: the rules ask for an explicit `patch` when patch is listed.
 */
function defaultPatch(data: TSchema): TSchema | undefined {
  return partialable(data) ? Type.Partial(data) : undefined
}

/** True for a schema `Type.Partial` turns into an object whose keys are optional. */
export function partialable(schema: TSchema): boolean {
  if (isRecursive(schema)) return false
  const kind = kindOf(schema)
  if (kind === 'Object') return true
  const parts = (schema as { anyOf?: unknown; allOf?: unknown })[kind === 'Union' ? 'anyOf' : 'allOf']
  return (kind === 'Union' || kind === 'Intersect') && Array.isArray(parts) && parts.every((part) => isSchema(part) && partialable(part))
}

/** `true` means every multi method that is listed; a list keeps only listed multi methods. */
function multiMethods(multi: unknown, methods: readonly StandardMethod[]): MultiMethod[] {
  const wanted: readonly unknown[] = multi === true ? MULTI_METHODS : Array.isArray(multi) ? multi : []
  return MULTI_METHODS.filter((method) => wanted.includes(method) && methods.includes(method))
}

function asSchema(value: unknown): TSchema | undefined {
  return isSchema(value) ? value : undefined
}

/** The own entries of a record option, sorted by name; anything else has none. */
function entries(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isSchema(value)) return []
  return Object.entries(value).sort(([a], [b]) => compareText(a, b))
}
