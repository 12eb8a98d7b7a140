// WORKAROUND(issue 9): REST query strings arrive as strings ('?userId=1&$limit=2') and the
// generated server validates them as they came; remove this hook once it converts query strings to
// the query schema's types, as the CLI's Ajv query validator did with `coerceTypes`.
import type { HookContext, NextFunction } from '../declarations'

// The query fields (and operators) the schemas declare as integers.
const integerKeys = new Set(['id', 'userId', 'createdAt', '$limit', '$skip', '$sort'])

const toInteger = (value: unknown): unknown => {
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value)
  if (Array.isArray(value)) return value.map(toInteger)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toInteger(inner)]))
  }
  return value
}

export const restQuery = async (context: HookContext, next: NextFunction) => {
  const query = context.params.query as Record<string, unknown> | undefined
  if (context.params.provider === 'rest' && query) {
    context.params.query = Object.fromEntries(
      Object.entries(query).map(([key, value]) => [key, integerKeys.has(key) ? toInteger(value) : value])
    )
  }
  await next()
}
