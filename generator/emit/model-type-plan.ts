import type { GenModel, ServiceModel } from '../model/model.js'
import { planTypeNames } from './plan-type-names.js'
import type { TypeNamePlan, TypeRoot } from './plan-type-names.js'
import { createRunMemo } from '../memo/schema-memo.js'
import { serviceTypeRoots } from './service-type-roots.js'
import { RESERVED_TYPE_NAMES } from './type-names.js'

/** The declarations of `types.ts` for a model, in output order, and the name plan they share. */
export interface ModelTypePlan {
  /** Named schemas, sorted by name. */
  named: TypeRoot[]
  connection: TypeRoot | undefined
  /** Services sorted by path, each with its per-service declarations. */
  services: { service: ServiceModel; roots: TypeRoot[] }[]
  plan: TypeNamePlan
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

// The model keeps an unchanged service's model object between --watch runs, and its roots with it.
const rootsByService = createRunMemo<TypeRoot[], ServiceModel>()


/**
 * Plans `types.ts` for a model. Another emitter that writes a schema's type inline can use
 * `typeExpression(schema, planModelTypes(model).plan)` to refer to the same names `types.ts` exports.
 */
export function planModelTypes(model: GenModel): ModelTypePlan {
  const named = model.schemas.map(({ name, schema }) => ({ name, schema })).sort((a, b) => compare(a.name, b.name))
  const connection = model.connection === undefined ? undefined : { name: 'Connection', schema: model.connection.schema }
  const services = [...model.services].sort((a, b) => compare(a.path, b.path))
    .map((service) => ({ service, roots: rootsByService.use(service, serviceTypeRoots) }))
  const roots = [...named, ...(connection === undefined ? [] : [connection]), ...services.flatMap((entry) => entry.roots)]
  const plan = planTypeNames(named, roots, [...RESERVED_TYPE_NAMES, ...named.map((root) => root.name)])
  return { named, connection, services, plan }
}
