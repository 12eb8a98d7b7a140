// emitTypes in --watch: only the changed module's schemas are new objects; every other schema
// keeps its identity, and what was built for it is reused only while the names it read still hold.
// Each emit after an edit must equal a cache-free emit of the same model, byte for byte.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { emitTypes } from '../../generator/emit/emit-types.js'
import { clearSchemaMemos } from '../../generator/memo/schema-memo.js'
import type { GenModel, NamedSchema, ServiceModel } from '../../generator/model/model.js'
import { querySyntax } from '../../runtime/schema/query-syntax.js'

/** What one schema module exports: named schemas and at most one service. */
interface Module {
  named: Record<string, TSchema>
  service?: ServiceModel
}

function service(path: string, pascal: string, parts: Partial<ServiceModel> & { result: TSchema }): ServiceModel {
  return {
    path, pascal, file: `schemas/${path}.ts`, exportName: path, methods: ['find', 'get', 'create'],
    id: Type.Integer(), data: undefined, patch: undefined, query: Type.Object({}, { additionalProperties: false }),
    paginate: false, multi: [], custom: [], events: [], routeParams: [], ...parts,
  }
}

/**
 * users.ts: an object with a nested address and a nested recursive tree (hoisted as UserTree), and
 * enough other properties that checking what its declaration read costs more than checking what
 * changed (so both ways of checking are exercised).
 */
function usersModule(): Module {
  const more = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`field${i}`, Type.Optional(Type.String())]))
  const User = Type.Object({
    ...more,
    id: Type.Integer(),
    name: Type.String({ description: 'Shown to others.' }),
    address: Type.Object({ street: Type.String(), city: Type.String() }),
    tree: Type.Recursive((This) => Type.Object({ label: Type.String(), kids: Type.Array(This) })),
  })
  const UserQuery = querySyntax(Type.Pick(User, ['id', 'name']))
  return { named: { User, UserQuery }, service: service('users', 'Users', { result: User, query: UserQuery, paginate: true }) }
}

/** posts.ts, with `extra` properties when edited, and `more` named exports. */
function postsModule(extra: Record<string, TSchema> = {}, more: (users: Module) => Record<string, TSchema> = () => ({})) {
  return (users: Module): Module => {
    const Post = Type.Object({ id: Type.Integer(), title: Type.String(), author: users.named['User'] as TSchema, ...extra })
    const PostData = Type.Omit(Post, ['id'])
    return {
      named: { Post, PostData, ...more(users) },
      service: service('posts', 'Posts', { result: Post, data: PostData, query: querySyntax(Type.Pick(Post, ['id', 'title'])) }),
    }
  }
}

/** tags.ts: a Type.Ref to a schema with an `$id`, hoisted under that id. */
function tagsModule(): Module {
  const Color = Type.Object({ hex: Type.String() }, { $id: 'tag-color' })
  const Tag = Type.Object({ label: Type.String(), color: Color, again: Type.Ref('tag-color') })
  return { named: { Tag }, service: service('tags', 'Tags', { result: Tag }) }
}

/**
 * The model `buildModel` makes of these modules: an unchanged module's service model is kept
 * between runs, or (`fresh`) every service model is new, over the same schemas.
 */
function model(modules: Module[], fresh = true): GenModel {
  const schemas: NamedSchema[] = modules
    .flatMap((module) => Object.entries(module.named).map(([name, schema]) => ({ name, file: 'schemas/x.ts', schema })))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
  const services = modules.flatMap((module) => (module.service === undefined ? [] : [fresh ? { ...module.service } : module.service]))
  return { schemas, services, connection: undefined }
}

const coldEmit = (gen: GenModel): string => {
  clearSchemaMemos()
  return emitTypes(gen).content
}

describe('emitTypes after an edit (--watch)', () => {
  test('re-evaluating one module: output equals a cold emit and shows the edit', () => {
    clearSchemaMemos()
    const users = usersModule()
    const tags = tagsModule()
    const before = emitTypes(model([users, postsModule()(users), tags])).content
    const edited = model([users, postsModule({ subtitle: Type.Optional(Type.String()) })(users), tags])
    const after = emitTypes(edited).content
    assert.notEqual(after, before)
    assert.match(after, /\n  subtitle\?: string;\n/)
    assert.equal(after, coldEmit(edited))
    // …and back: the first model again, after caches filled for the second.
    emitTypes(edited)
    const again = model([users, postsModule()(users), tags])
    assert.equal(emitTypes(again).content, coldEmit(again))
  })

  test('an unchanged schema is written by a name that a changed module now exports', () => {
    clearSchemaMemos()
    const users = usersModule()
    const tags = tagsModule()
    const before = emitTypes(model([users, postsModule()(users), tags])).content
    assert.match(before, /\n  address: \{ street: string; city: string \};\n/)
    // posts.ts now exports the address object of the unchanged users.ts under a name of its own.
    const naming = postsModule({}, (u) => ({ Address: ((u.named['User'] as TSchema)['properties'] as Record<string, TSchema>)['address'] as TSchema }))
    const edited = model([users, naming(users), tags])
    const after = emitTypes(edited).content
    assert.match(after, /\n  address: Address;\n/)
    assert.match(after, /export interface Address \{\n  street: string;\n  city: string;\n\}/)
    assert.equal(after, coldEmit(edited))
  })

  test('a hoisted name of an unchanged module moves aside for a name a changed module takes', () => {
    clearSchemaMemos()
    const users = usersModule()
    const tags = tagsModule()
    const before = emitTypes(model([users, postsModule()(users), tags])).content
    assert.match(before, /\n  tree: UserTree;\n/)
    const taking = postsModule({}, () => ({ UserTree: Type.Object({ taken: Type.Boolean() }) }))
    const edited = model([users, taking(users), tags])
    const after = emitTypes(edited).content
    assert.match(after, /\n  tree: UserTree2;\n/)
    assert.match(after, /export interface UserTree2 \{\n  label: string;\n  kids: UserTree2\[\];\n\}/)
    assert.equal(after, coldEmit(edited))
  })

  test('a Type.Ref target hoisted by an unchanged module yields to a changed module that names it', () => {
    clearSchemaMemos()
    const users = usersModule()
    const tags = tagsModule()
    const before = emitTypes(model([users, postsModule()(users), tags])).content
    assert.match(before, /export interface TagColor \{/)
    const color = ((tags.named['Tag'] as TSchema)['properties'] as Record<string, TSchema>)['color'] as TSchema
    const naming = postsModule({}, () => ({ PostColor: color }))
    const edited = model([users, naming(users), tags])
    const after = emitTypes(edited).content
    assert.doesNotMatch(after, /TagColor/)
    assert.match(after, /\n  color: PostColor;\n  again: PostColor;\n/)
    assert.equal(after, coldEmit(edited))
  })

  for (const fresh of [true, false]) test(`a sequence of edits, each compared with a cold emit (${fresh ? 'new' : 'kept'} service models)`, () => {
    clearSchemaMemos()
    const users = usersModule()
    let tags = tagsModule()
    const steps: ((u: Module) => Module)[] = [
      postsModule({ a: Type.String() }),
      postsModule({ a: Type.String(), b: Type.Array(Type.Number()) }),
      postsModule({}, () => ({ Renamed: users.named['User'] as TSchema })),
      postsModule(),
    ]
    for (const [index, posts] of steps.entries()) {
      if (index === 2) tags = tagsModule()
      const gen = model([users, posts(users), tags], fresh)
      const warm = emitTypes(gen).content
      assert.equal(warm, coldEmit(gen), `after edit ${index + 1}`)
      // Fill the caches again from this state, as the watcher's previous run would have.
      emitTypes(gen)
    }
  })
})
