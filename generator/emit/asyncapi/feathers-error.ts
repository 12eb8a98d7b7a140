import type { Json } from './json-schema.js'

/**
 * An error as `@feathersjs/errors` sends it over the socket (`toJSON()`): the class name, the
 * message, the HTTP-like code, and optional details; a validation failure lists each problem
 * under `data`. Never a stack trace (SPEC §8).
 */
export const FEATHERS_ERROR: Json = {
  type: 'object',
  description: 'A Feathers error as it crosses the socket (@feathersjs/errors toJSON()).',
  properties: {
    name: { type: 'string', examples: ['BadRequest'] },
    message: { type: 'string' },
    code: { type: 'integer', examples: [400] },
    className: { type: 'string', examples: ['bad-request'] },
    data: { description: 'details, e.g. each validation failure with its path and message' },
    errors: { description: 'further details, as the error was raised' },
  },
  required: ['name', 'message', 'code', 'className'],
}
