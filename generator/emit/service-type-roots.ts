import type { TSchema } from '@sinclair/typebox'
import type { ServiceModel } from '../model/model.js'
import type { TypeRoot } from './plan-type-names.js'
import { serviceTypeNames } from './type-names.js'

/** The per-service declarations of `types.ts`, in a fixed order: id, result, data, patch, query, custom, events. */
export function serviceTypeRoots(service: ServiceModel): TypeRoot[] {
  const names = serviceTypeNames(service)
  const roots: TypeRoot[] = [
    { name: names.id, schema: service.id },
    { name: names.result, schema: service.result },
  ]
  const add = (name: string | undefined, schema: TSchema | undefined) => {
    if (name !== undefined && schema !== undefined) roots.push({ name, schema })
  }
  add(names.data, service.data)
  add(names.patch, service.patch)
  add(names.query, service.query)
  for (const method of service.custom) {
    add(names.customData(method), method.data)
    add(names.customResult(method), method.result)
  }
  for (const event of service.events) add(names.event(event), event.schema)
  return roots
}
