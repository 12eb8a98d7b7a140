import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { makeSandbox } from '../helpers/cli-sandbox.js'

// SPEC §6: a schema written for @feathersjs/typebox (TypeBox 0.25, as Feathers CLI apps have) is
// read correctly or refused with the migration — never read with Optional/Partial ignored.
describe('the CLI on @feathersjs/typebox (TypeBox 0.25) schemas', () => {
  const box = makeSandbox('feathers-typebox')
  after(() => box.remove())

  test('Optional, Readonly and Partial marks are refused, each schema once, naming the fix; nothing is written', async () => {
    box.write('cli-app/schemas/users.ts', `import { Type, querySyntax } from '@feathersjs/typebox'
import { defineService } from 'feathers-sio-gen'

export const userSchema = Type.Object(
  { id: Type.Number(), email: Type.String(), avatar: Type.Readonly(Type.String()), password: Type.Optional(Type.String()) },
  { $id: 'User', additionalProperties: false },
)
export const userPatchSchema = Type.Partial(Type.Pick(userSchema, ['email', 'password']), { $id: 'UserPatch' })
export const userQuerySchema = querySyntax(Type.Pick(userSchema, ['id', 'email']))
export const users = defineService({
  path: 'users', result: userSchema, patch: userPatchSchema, query: userQuerySchema, methods: ['find', 'patch'],
} as never)
`)
    const run = await box.run('cli-app/schemas', '--out', 'cli-app/generated')
    assert.equal(run.code, 1, `${run.stdout}${run.stderr}`)
    const lines = run.stderr.split('\n').filter((line) => line.includes('TypeBox 0.25')).sort()
    const starts = lines.map((line) => line.slice(0, line.indexOf(': this schema')))
    assert.deepEqual(starts, [
      'cli-app/schemas/users.ts: userPatchSchema: email',
      'cli-app/schemas/users.ts: userQuerySchema: $limit',
      'cli-app/schemas/users.ts: userSchema: avatar',
    ])
    assert.match(lines[0]!, /its Optional mark \(and 1 more\)/)
    assert.match(lines[2]!, /its Readonly mark \(and 1 more\) uses TypeBox 0\.25's Modifier symbol/)
    for (const line of lines) assert.match(line, /build it with @sinclair\/typebox 0\.34 .* querySyntax from 'feathers-sio-gen' instead of @feathersjs\/typebox$/)
    assert.throws(() => box.read('cli-app/generated/types.ts'), /ENOENT/)
  })

  test('a TypeBox 0.25 schema with no Optional or Readonly mark means the same JSON Schema, and is read', async () => {
    box.write('plain/schemas/notes.ts', `import { Type } from '@feathersjs/typebox'
import { defineService } from 'feathers-sio-gen'

export const Note = Type.Object({ id: Type.Integer(), text: Type.String() }, { $id: 'Note', additionalProperties: false })
export const notes = defineService({ path: 'notes', result: Note, methods: ['find'] } as never)
`)
    const run = await box.run('plain/schemas', '--out', 'plain/generated')
    assert.equal(run.code, 0, `${run.stdout}${run.stderr}`)
    assert.match(box.read('plain/generated/types.ts'), /export interface Note \{\n\s+id: number;\n\s+text: string;\n\}/)
  })
})
