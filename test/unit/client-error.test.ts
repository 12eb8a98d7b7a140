import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BadRequest, FeathersError, NotFound } from '@feathersjs/errors'
import { toClientError, toWireError } from 'feathers-sio-gen/server'

/** A logger that records, so hidden errors can be checked. */
function recorder(): { logged: unknown[][]; logger: { error(...args: unknown[]): void } } {
  const logged: unknown[][] = []
  return { logged, logger: { error: (...args) => { logged.push(args) } } }
}

test('toWireError keeps only a Feathers error\'s fields', () => {
  const { logged, logger } = recorder()
  const normalized = { ...new NotFound('No such thing', { id: 3 }).toJSON(), stack: 'Error\n    at /srv/app/x.js:1:1', hook: { app: {} } }
  assert.deepEqual(toWireError(normalized, { logger }), { name: 'NotFound', message: 'No such thing', code: 404, className: 'not-found', data: { id: 3 } })
  assert.equal(logged.length, 0)
})

test('toWireError turns anything else into a generic GeneralError and logs it', () => {
  for (const junk of ['boom', 42, { message: 'raw', stack: 'at /srv/x.js:1' }, { name: 'X', code: 200, className: 'x' }, [1, 2], true]) {
    const { logged, logger } = recorder()
    assert.deepEqual(toWireError(junk, { logger }), { name: 'GeneralError', message: 'Internal server error', code: 500, className: 'general-error' })
    assert.deepEqual(logged[0]?.[1], junk)
  }
})

test('toClientError: Feathers errors pass, driver-made ones and others are hidden, a broken logger loses nothing', () => {
  const bad = new BadRequest('Nope')
  assert.equal(toClientError(bad), bad)
  const wrapped = new BadRequest('UNIQUE constraint failed: users.email', undefined)
  ;(wrapped as unknown as { cause: unknown }).cause = new Error('UNIQUE constraint failed: users.email')
  const throwing = { error() { throw new Error('logger down') } }
  const hidden = toClientError(wrapped, { logger: throwing })
  assert.ok(hidden instanceof FeathersError)
  assert.deepEqual(hidden.toJSON(), { name: 'BadRequest', message: 'The data store refused the request', code: 400, className: 'bad-request' })
  assert.deepEqual(toClientError(new RangeError('x'), { logger: throwing }).toJSON(), { name: 'GeneralError', message: 'Internal server error', code: 500, className: 'general-error' })
  assert.equal(toClientError('a string', { exposeErrors: true }).message, 'a string')
})
