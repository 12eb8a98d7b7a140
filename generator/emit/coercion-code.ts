import type { CoercionPlan } from 'feathers-sio-gen-runtime/server'
import type { TSchema } from '@sinclair/typebox'
import type { ServiceModel } from '../model/model.js'
import { declareOnce } from './code-unit.js'
import type { CodeUnit } from './code-unit.js'
import { coercionPlan } from './coercion-plan.js'
import { memoize } from './emit-cache.js'
import { memoByStructure } from './structure-memo.js'

/**
 * A plan as code. Each object with properties (a query filter, a property's operators) becomes
 * one `const coerce_…: CoercionPlan` declared once per file, so the filter that `$or`, `$and` and
 * the query itself share, and the operators of every integer field, are written once.
 */
function planCode(unit: CodeUnit, plan: CoercionPlan): string {
  const text = (): string => {
    const parts: string[] = []
    if (plan.types !== undefined) parts.push(`types: ${JSON.stringify(plan.types)}`)
    if (plan.properties !== undefined) {
      const entries = Object.entries(plan.properties).map(([key, inner]) => `${JSON.stringify(key)}: ${planCode(unit, inner)}`)
      parts.push(`properties: { ${entries.join(', ')} }`)
    }
    if (plan.additional !== undefined) parts.push(`additional: ${planCode(unit, plan.additional)}`)
    if (plan.items !== undefined) parts.push(`items: ${planCode(unit, plan.items)}`)
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`
  }
  if (plan.properties === undefined) return text()
  return declareOnce(unit, 'coerce', () => {
    const value = text()
    return (name) => `const ${name}: CoercionPlan = ${value}`
  })
}

/** The code of the plan converting a string-typed value to what `schema` declares, or undefined when nothing converts. */
function planFor(unit: CodeUnit, schema: TSchema): string | undefined {
  return memoize(unit, 'coerce', schema, () => memoByStructure(unit, 'coerce', schema, () => {
    const plan = coercionPlan(schema, unit.references)
    return plan === undefined ? undefined : planCode(unit, plan)
  }))
}

/** The `coerce: { query, id }` entry of a service's validators bundle, or undefined when nothing converts. */
export function coercionCode(unit: CodeUnit, service: ServiceModel): string | undefined {
  const query = planFor(unit, service.query)
  const id = planFor(unit, service.id)
  if (query === undefined && id === undefined) return undefined
  const parts = [...(query === undefined ? [] : [`query: ${query}`]), ...(id === undefined ? [] : [`id: ${id}`])]
  return `coerce: { ${parts.join(', ')} }`
}
