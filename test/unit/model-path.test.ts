import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildModel } from '../../generator/model/build-model.js'
import { expectOne, service } from './model-helpers.js'

test('an empty path', () => {
  expectOne({ items: service({ path: '' }) }, {
    subject: 'items', path: 'path', message: "the service path is empty; give the service a path such as 'messages'",
  })
})

test('a path that is not a string', () => {
  expectOne({ items: service({ path: 42 }) }, {
    subject: 'items', path: 'path', message: "`path` must be a string such as 'messages', got the number 42",
  })
})

test('a leading slash', () => {
  expectOne({ items: service({ path: '/items' }) }, {
    subject: '/items', path: 'path',
    message: "path '/items' starts with a slash; write 'items' (Feathers strips it, so names would not match)",
  })
})

test('a trailing slash', () => {
  expectOne({ items: service({ path: 'items/' }) }, {
    subject: 'items/', path: 'path',
    message: "path 'items/' ends with a slash; write 'items' (Feathers strips it, so names would not match)",
  })
})

test('an empty segment', () => {
  expectOne({ items: service({ path: 'api//items' }) }, {
    subject: 'api//items', path: 'path', message: "path 'api//items' has an empty segment ('//'); write 'api/items'",
  })
})

test('whitespace or other characters an event name cannot carry', () => {
  expectOne({ items: service({ path: 'my items?' }) }, {
    subject: 'my items?', path: 'path',
    message: `path 'my items?' contains " ", "?", which a Feathers path or Socket.io event name can't carry; `
      + "use letters, digits, '-', '_', '.' and '/', and ':' only to start a route placeholder",
  })
})

test('a colon inside a segment', () => {
  expectOne({ items: service({ path: 'a:b' }) }, {
    subject: 'a:b', path: 'path',
    message: `path 'a:b' contains ":", which a Feathers path or Socket.io event name can't carry; `
      + "use letters, digits, '-', '_', '.' and '/', and ':' only to start a route placeholder",
  })
})

test('a route placeholder that is not an identifier', () => {
  expectOne({ items: service({ path: 'users/:user-id/items' }) }, {
    subject: 'users/:user-id/items', path: 'path',
    message: "route placeholder ':user-id' in path 'users/:user-id/items' is not an identifier; use a name such as ':userId'",
  })
})

test('a route placeholder used twice', () => {
  expectOne({ items: service({ path: 'a/:id/b/:id' }) }, {
    subject: 'a/:id/b/:id', path: 'path',
    message: "route placeholder ':id' appears twice in path 'a/:id/b/:id'; give each its own name",
  })
})

test('a path that gives no valid type name', () => {
  expectOne({ items: service({ path: '2fa' }) }, {
    subject: '2fa', path: 'path', message: "path '2fa' gives no valid type name ('2faResult'); start the path with a letter",
  })
})

test('a path used twice names both files', () => {
  const { diagnostics } = buildModel([
    { file: 'schemas/a.ts', exports: { items: service() } },
    { file: 'schemas/b.ts', exports: { things: service() } },
  ])
  assert.deepEqual(diagnostics, [{
    file: 'schemas/b.ts', subject: 'items', path: 'path',
    message: "path 'items' is used twice: by export 'items' in schemas/a.ts and by export 'things' in schemas/b.ts; "
      + 'give each service its own path',
  }])
})

test('two paths with the same PascalCase', () => {
  const { diagnostics } = buildModel([
    { file: 'schemas/a.ts', exports: { a: service({ path: 'api/user-profiles' }) } },
    { file: 'schemas/b.ts', exports: { b: service({ path: 'api/userProfiles' }) } },
  ])
  assert.deepEqual(diagnostics, [{
    file: 'schemas/b.ts', subject: 'api/userProfiles', path: 'path',
    message: "paths 'api/user-profiles' (schemas/a.ts) and 'api/userProfiles' (schemas/b.ts) both give the type name "
      + "'ApiUserProfiles'; rename one of them",
  }])
})

test('valid paths with placeholders, dots, dashes and underscores pass', () => {
  const { diagnostics } = buildModel([{
    file: 'schemas/a.ts',
    exports: { a: service({ path: 'users/:userId/posts' }), b: service({ path: 'v1.0/my-items_x' }) },
  }])
  assert.deepEqual(diagnostics, [])
})
