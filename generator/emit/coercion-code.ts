import type { CoercionPlan } from 'feathers-sio-gen-runtime/server'
import type { ServiceModel } from '../model/model.js'
import { declareOnce } from './code-unit.js'
import type { CodeUnit } from './code-unit.js'
import { serviceCoercion } from './coercion-plan.js'

/**
 * A plan as code. Each object with properties (a query filter, a property's operators) becomes
 * one `const coerce_N: CoercionPlan` declared once per file, so the filter that `$or`, `$and` and
 * the query itself share, and the operators of every integer field, are written once.
 */
function planCode(unit: CodeUnit, plan: CoercionPlan): string {
  const parts: string[] = []
  if (plan.types !== undefined) parts.push(`types: ${JSON.stringify(plan.types)}`)
  if (plan.properties !== undefined) {
    const entries = Object.entries(plan.properties).map(([key, inner]) => `${JSON.stringify(key)}: ${planCode(unit, inner)}`)
    parts.push(`properties: { ${entries.join(', ')} }`)
  }
  if (plan.additional !== undefined) parts.push(`additional: ${planCode(unit, plan.additional)}`)
  if (plan.items !== undefined) parts.push(`items: ${planCode(unit, plan.items)}`)
  const text = parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`
  if (plan.properties === undefined) return text
  return declareOnce(unit, 'coerce', (name) => `const ${name}: CoercionPlan = ${text}`)
}

/** The `coerce: { query, id }` entry of a service's validators bundle, or undefined when nothing converts. */
export function coercionCode(unit: CodeUnit, service: ServiceModel): string | undefined {
  const coercion = serviceCoercion(service, unit.references)
  if (coercion === undefined) return undefined
  const parts = [
    ...(coercion.query === undefined ? [] : [`query: ${planCode(unit, coercion.query)}`]),
    ...(coercion.id === undefined ? [] : [`id: ${planCode(unit, coercion.id)}`]),
  ]
  return `coerce: { ${parts.join(', ')} }`
}
