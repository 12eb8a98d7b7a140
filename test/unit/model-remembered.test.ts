// buildModel remembers each schema's checks between runs (--watch keeps unchanged modules' objects);
// these runs reuse the very same schema objects while what the folder around them changes.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { buildModel } from '../../generator/model/build-model.js'
import { service } from './model-helpers.js'

test('a sub-schema that becomes (or stops being) a named export is reported under its new owner', () => {
  const Stamp = Type.Object({ at: Type.Date() })
  const Item = Type.Object({ id: Type.Integer(), stamp: Stamp })
  const items = service({ result: Item, data: undefined, methods: ['get'] })
  const places = (exports: Record<string, unknown>) =>
    buildModel([{ file: 'schemas/x.ts', exports }]).diagnostics.map((d) => `${d.subject} ${d.path}`)
  // Not exported: reported where the service uses it; Item itself is a named export too.
  assert.deepEqual(places({ items, Item }), ['Item stamp.at'])
  // The same objects, and Stamp now exported: reported once, under its own name.
  assert.deepEqual(places({ items, Item, Stamp }), ['Stamp at'])
  // And back: the remembered answer of the second run must not stick.
  assert.deepEqual(places({ items, Item }), ['Item stamp.at'])
  assert.deepEqual(places({ items }), ['items result.stamp.at'])
})

test('a Ref whose target appears in (or leaves) another module is judged anew', () => {
  const items = service({ result: Type.Object({ id: Type.Integer(), tag: Type.Ref('Tag') }), data: undefined, methods: ['get'] })
  const Tag = Type.String({ $id: 'Tag' })
  const run = (withTag: boolean) => buildModel([
    { file: 'schemas/items.ts', exports: { items } },
    ...(withTag ? [{ file: 'schemas/tag.ts', exports: { Tag } }] : []),
  ]).diagnostics.map((d) => `${d.subject} ${d.path}`)
  assert.deepEqual(run(false), ['items result.tag'])
  assert.deepEqual(run(true), [])
  assert.deepEqual(run(false), ['items result.tag'])
})
