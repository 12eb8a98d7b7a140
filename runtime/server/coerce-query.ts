/** A JSON type a query-string value may be converted to; `string` means strings stay as they are. */
export type CoercionType = 'string' | 'number' | 'integer' | 'boolean' | 'null'

/**
 * How to convert one place of a query (or an id) that arrived as strings: plain data the generator
 * derives from the query and id schemas and writes into `validators.ts`. Only places that need a
 * conversion appear; an absent plan converts nothing.
 */
export interface CoercionPlan {
  /** The scalar types the schema accepts here, in the order conversions are tried (Ajv's). */
  types?: readonly CoercionType[]
  /** Plans of an object's properties (operators such as `$in`, `$gt` are properties too). */
  properties?: Readonly<Record<string, CoercionPlan>>
  /** Plan of the keys `properties` does not name (a `Type.Record` or `additionalProperties` schema). */
  additional?: CoercionPlan
  /** Present when an array is accepted here: the plan of its items. */
  items?: CoercionPlan
}

/** Marks "no conversion applies" apart from every JSON value, `null` and `undefined` included. */
const NONE: unique symbol = Symbol('none')

/** `text` as a value of `type`, as Ajv's `coerceTypes` converts strings; NONE when it does not fit. */
function convert(type: CoercionType, text: string): unknown {
  switch (type) {
    case 'number':
    case 'integer': {
      // Number() alone would take '' and '  ' as 0; Infinity and NaN are never a query value.
      if (text.trim() === '') return NONE
      const value = Number(text)
      return Number.isFinite(value) && (type === 'number' || Number.isInteger(value)) ? value : NONE
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : NONE
    case 'null':
      // Ajv turns '' into null; 'null' is what people type in a URL for it.
      return text === '' || text === 'null' ? null : NONE
    default:
      return NONE
  }
}

/** True for an object a query parser makes (plain or prototype-less), not an array or a class. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** A copy of `value` with each key converted by its plan (keys are copied as data, never as prototypes). */
function coerceObject(plan: CoercionPlan, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const { properties, additional } = plan
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const inner = properties !== undefined && Object.hasOwn(properties, key) ? properties[key] : additional
    const converted = coerceQuery(inner, value[key])
    // Assigning `__proto__` would set the prototype; define it as the data it is.
    if (key === '__proto__') Object.defineProperty(out, key, { value: converted, enumerable: true, writable: true, configurable: true })
    else out[key] = converted
  }
  return out
}

/**
 * `value` converted to the types `plan` declares, the way Ajv's `coerceTypes` converts the query
 * of a Feathers CLI app: a string becomes the first declared number, integer, boolean or null it
 * is a valid text of (a place that also accepts strings keeps it); arrays and objects are
 * converted item by item and key by key; a single value where only an array is accepted becomes
 * a one-item array (`?$select=name`, `?id[$in]=1`). Anything that does not convert is left as it
 * is, for validation to report. Returns new objects; `value` is not changed.
 */
export function coerceQuery(plan: CoercionPlan | undefined, value: unknown): unknown {
  if (plan === undefined) return value
  if (typeof value === 'string') {
    const types = plan.types ?? []
    if (types.includes('string')) return value
    for (const type of types) {
      const converted = convert(type, value)
      if (converted !== NONE) return converted
    }
    return plan.items !== undefined ? [coerceQuery(plan.items, value)] : value
  }
  if (Array.isArray(value)) return plan.items !== undefined ? value.map((item) => coerceQuery(plan.items, item)) : value
  if (isPlainObject(value) && (plan.properties !== undefined || plan.additional !== undefined)) return coerceObject(plan, value)
  return value
}
