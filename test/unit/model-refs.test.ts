import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { buildModel } from '../../generator/model/build-model.js'
import { diagnosticsOf, expectOne, service } from './model-helpers.js'

test('a Ref whose target $id no exported schema has', () => {
  expectOne({ items: service({ result: Type.Object({ id: Type.Integer(), owner: Type.Ref('User') }) }) }, {
    subject: 'items', path: 'result.owner',
    message: "Type.Ref('User') points to no schema: no exported schema has $id 'User'; export the target schema and give it { $id: 'User' }",
  })
})

test('a Ref to a schema exported from another module is fine', () => {
  const User = Type.Object({ id: Type.Integer() }, { $id: 'User' })
  const { diagnostics } = buildModel([
    { file: 'schemas/a.ts', exports: { items: service({ result: Type.Object({ owner: Type.Ref('User') }) }) } },
    { file: 'schemas/b.ts', exports: { User } },
  ])
  assert.deepEqual(diagnostics, [])
})

test('a Ref to a $id reachable inside a service schema is fine', () => {
  const Tag = Type.String({ $id: 'Tag' })
  assert.deepEqual(diagnosticsOf({ items: service({ result: Type.Object({ tag: Tag, also: Type.Ref('Tag') }) }) }), [])
})

test('Type.Recursive with its automatic $id is valid, also when nested and used in several places', () => {
  const Tree = Type.Recursive((self) => Type.Object({ name: Type.String(), children: Type.Array(self) }))
  const Named = Type.Recursive((self) => Type.Object({ next: Type.Optional(self) }), { $id: 'Chain' })
  assert.deepEqual(diagnosticsOf({
    Tree, items: service({ result: Type.Object({ tree: Tree, chain: Named, ref: Type.Ref(Tree) }) }),
  }), [])
})

test('a This outside its Recursive (Partial of a recursive schema) is reported', () => {
  const Tree = Type.Recursive((self) => Type.Object({ name: Type.String(), children: Type.Array(self) }))
  const found = diagnosticsOf({ items: service({ patch: Type.Partial(Tree) }) })
  assert.equal(found.length, 1)
  assert.equal(found[0]!.path, 'patch.children[]')
  assert.match(found[0]!.message, /^this recursive reference \('T\d+'\) is outside its Type\.Recursive \(Partial, Pick and Omit of a recursive schema drop its \$id\); declare the derived schema with its own Type\.Recursive$/)
})
