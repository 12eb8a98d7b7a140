import type { TSchema } from '@sinclair/typebox'
import { serviceTypeNames } from '../emit/type-names.js'
import type { Diagnostic, ServiceModel } from './model.js'

/** The service and role a generated type name stands for, and the schema it is made from. */
export interface TypeNameOwner {
  service: ServiceModel
  role: string
  schema: TSchema | undefined
}

/** Every per-service type name (SPEC §3) with its owner, the first owner winning a clash. */
export function serviceTypeOwners(services: readonly ServiceModel[]): Map<string, TypeNameOwner> {
  return new Map(services.filter(named).reverse().flatMap(ownersOf).map((owner) => [owner[0], owner[1]] as const))
}

/**
 * Two roles that get the same generated type name, e.g. custom method `c` of `a-b` and the data
 * of `a-b-c` (both `ABCData`). Services whose paths have the same PascalCase are reported by
 * the path rule instead, and twins inside one service by the name rule.
 */
export function checkServiceTypeNames(services: readonly ServiceModel[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const seen = new Map<string, TypeNameOwner>()
  for (const service of services.filter(named)) {
    for (const [name, owner] of ownersOf(service)) {
      const earlier = seen.get(name)
      if (earlier === undefined) seen.set(name, owner)
      else if (earlier.service !== service && earlier.service.pascal !== service.pascal) {
        diagnostics.push({
          file: service.file, subject: service.path, path: '',
          message: `the type name '${name}' would be generated twice: for ${earlier.role} of '${earlier.service.path}' `
            + `(${earlier.service.file}) and for ${owner.role} of '${service.path}'; rename a path, custom method or event`,
        })
      }
    }
  }
  return diagnostics
}

// A service whose path gives no type name is reported by the path rule; its names mean nothing.
function named(service: ServiceModel): boolean {
  return /^[A-Za-z]/.test(service.pascal)
}

function ownersOf(service: ServiceModel): [string, TypeNameOwner][] {
  const names = serviceTypeNames(service)
  const own = (name: string | undefined, role: string, schema: TSchema | undefined): [string, TypeNameOwner][] =>
    name === undefined ? [] : [[name, { service, role, schema }]]
  return [
    ...own(names.id, 'the id', service.id),
    ...own(names.result, 'the result', service.result),
    ...own(names.data, 'the data', service.data),
    ...own(names.patch, 'the patch', service.patch),
    ...own(names.query, 'the query', service.query),
    ...service.custom.flatMap((method) => [
      ...own(names.customData(method), `the data of custom method '${method.name}'`, method.data),
      ...own(names.customResult(method), `the result of custom method '${method.name}'`, method.result),
    ]),
    ...service.events.flatMap((event) => own(names.event(event), `event '${event.name}'`, event.schema)),
  ]
}
