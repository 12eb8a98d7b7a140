import { isSchema, kindOf } from './typebox-kind.js'

/** A value as a message names it: `the string "string"`, `the number 5`, `Type.Date`, `a plain object`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (isSchema(value)) return `Type.${kindOf(value)}`
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string': return `the string ${JSON.stringify(value)}`
    case 'number': case 'boolean': case 'bigint': return `the ${typeof value} ${String(value)}`
    case 'function': return 'a function'
    case 'symbol': return 'a symbol'
    default: return 'a plain object without TypeBox\'s Kind (build it with Type.*)'
  }
}
