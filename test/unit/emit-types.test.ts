// emitTypes on hand-built models: specific lines for the tricky kinds, naming, and determinism.
// Fidelity to Static for every kind is proven by tsc in test/types/fidelity.test.ts.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { emitTypes } from '../../generator/emit/emit-types.js'
import { GENERATED_MARK } from '../../generator/emit/header.js'
import type { GenModel, NamedSchema, ServiceModel } from '../../generator/model/model.js'
import { querySyntax } from '../../runtime/schema/query-syntax.js'

const named = (schemas: Record<string, TSchema>): NamedSchema[] =>
  Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, schema]) => ({ name, file: 'schemas/x.ts', schema }))

function service(path: string, pascal: string, parts: Partial<ServiceModel> & { result: TSchema }): ServiceModel {
  return {
    path, pascal, file: 'schemas/x.ts', exportName: pascal.toLowerCase(), methods: ['find', 'get'],
    id: Type.Union([Type.String(), Type.Number()]), data: undefined, patch: undefined,
    query: Type.Object({}, { additionalProperties: false }), paginate: false, multi: [], custom: [], events: [],
    routeParams: [], ...parts,
  }
}

const model = (parts: Partial<GenModel>): GenModel => ({ schemas: [], services: [], connection: undefined, ...parts })
const emit = (parts: Partial<GenModel>): string => emitTypes(model(parts)).content
const count = (text: string, part: string): number => text.split(part).length - 1

/** A model with one of each tricky thing; built fresh on every call (new objects, new recursive ids). */
function sample(): GenModel {
  const Address = Type.Object({ street: Type.String(), zip: Type.String() }, { $id: 'Address' })
  const Tree = Type.Recursive((This) => Type.Object({ label: Type.String(), children: Type.Array(This) }))
  const Person = Type.Object({
    home: Address,
    work: Type.Optional(Address),
    billing: Type.Ref(Address),
    'first-name': Type.String({ description: 'Shown as is.' }),
    id: Type.Readonly(Type.Integer()),
    nick: Type.ReadonlyOptional(Type.String()),
    tree: Type.Recursive((This) => Type.Object({ next: Type.Optional(This) })),
  })
  const Message = Type.Object({ id: Type.Integer(), text: Type.String() }, { description: 'A chat message.' })
  const messages = service('messages', 'Messages', {
    methods: ['find', 'get', 'create', 'remove'], id: Type.Integer(), result: Message,
    data: Type.Object({ text: Type.String() }), query: querySyntax(Type.Pick(Message, ['id'])), paginate: true, multi: ['remove'],
    custom: [{ name: 'markRead', pascal: 'MarkRead', data: Type.Object({ ids: Type.Array(Type.Integer()) }), result: Address }],
    events: [{ name: 'typing', pascal: 'Typing', schema: Type.Object({ who: Type.String() }) }],
  })
  return model({
    schemas: named({ Address, Message, Person, Tree }),
    services: [messages, service('trees', 'Trees', { result: Tree, methods: ['get'] })],
    connection: { file: 'schemas/x.ts', exportName: 'connection', schema: Type.Object({ user: Type.Optional(Person) }) },
  })
}

describe('emitTypes', () => {
  test('returns types.ts behind the generated header, without TypeBox', () => {
    const file = emitTypes(sample())
    assert.equal(file.name, 'types.ts')
    assert.ok(file.content.startsWith(GENERATED_MARK))
    assert.ok(file.content.endsWith('}\n') && !file.content.endsWith('\n\n'))
    assert.doesNotMatch(file.content, /typebox|import /i)
  })

  test('writes optional, readonly and readonly-optional properties, quotes and doc comments', () => {
    const text = emitTypes(sample()).content
    assert.match(text, /\n  work\?: Address;\n/)
    assert.match(text, /\n  readonly id: number;\n/)
    assert.match(text, /\n  readonly nick\?: string;\n/)
    assert.match(text, /\n  \/\*\* Shown as is. \*\/\n  'first-name': string;\n/)
    assert.match(text, /\n\/\*\* A chat message. \*\/\nexport interface Message \{/)
  })

  test('quotes keys and escapes strings that are not plain', () => {
    const text = emit({
      schemas: named({
        Keys: Type.Object({ "it's": Type.String(), 'a\\b': Type.Optional(Type.String()), $ok: Type.String(), '0': Type.Null() }),
        Quote: Type.Literal('say "hi"\n\'there\' `${x}`'),
        Shape: Type.Object({ inner: Type.Object({ 'x-y': Type.Literal('a\'b'), z: Type.Optional(Type.Number()) }) }),
      }),
    })
    assert.match(text, /\n  'it\\'s': string;\n/)
    assert.match(text, /\n  'a\\\\b'\?: string;\n/)
    assert.match(text, /\n  \$ok: string;\n/)
    assert.match(text, /\n  '0': null;\n/)
    assert.ok(text.includes(`export type Quote = 'say "hi"\\n\\'there\\' \`\${x}\`';`))
    assert.ok(text.includes(`  inner: { 'x-y': 'a\\'b'; z?: number };`))
  })

  test('writes a shared schema once and refers to it by name, by identity, copy or $ref', () => {
    const text = emitTypes(sample()).content
    assert.equal(count(text, 'export interface Address {'), 1)
    assert.equal(count(text, 'street: string'), 1)
    assert.match(text, /\n  home: Address;\n  work\?: Address;\n  billing: Address;\n/)
    assert.match(text, /export type MessagesMarkReadResult = Address;/)
  })

  test('recursion: a named recursive schema refers to itself; a nested one is hoisted under its path', () => {
    const text = emitTypes(sample()).content
    assert.match(text, /export interface Tree \{\n  label: string;\n  children: Tree\[\];\n\}/)
    assert.match(text, /\n  tree: PersonTree;\n/)
    assert.match(text, /export interface PersonTree \{\n  next\?: PersonTree;\n\}/)
    assert.match(text, /export type TreesResult = Tree;/)
    assert.doesNotMatch(text, /\bT\d+\b/)
  })

  test('hoisted names avoid taken names, and a recursive root takes its declaration name', () => {
    const inner = () => Type.Recursive((This) => Type.Union([Type.String(), Type.Array(This)]))
    const text = emit({
      schemas: named({ Box: Type.Object({ item: inner(), items: Type.Array(inner()) }), BoxItem: Type.String() }),
      services: [service('lists', 'Lists', { result: Type.Recursive((This) => Type.Object({ rest: Type.Optional(This) })) })],
    })
    assert.match(text, /export type BoxItem = string;/)
    assert.match(text, /export type BoxItem2 = string \| BoxItem2\[\];/)
    assert.match(text, /export type BoxItemsItem = string \| BoxItemsItem\[\];/)
    assert.match(text, /\n  item: BoxItem2;\n  items: BoxItemsItem\[\];\n/)
    assert.match(text, /export interface ListsResult \{\n  rest\?: ListsResult;\n\}/)
  })

  test('a This inside a nested recursive schema follows its $ref to the outer schema', () => {
    const Outer = Type.Recursive((Self) => Type.Object({ leaves: Type.Array(Type.Recursive((Leaf) => Type.Object({ up: Self, next: Type.Optional(Leaf) }))) }))
    const text = emit({ schemas: named({ Outer }) })
    assert.match(text, /export interface OuterLeavesItem \{\n  up: Outer;\n  next\?: OuterLeavesItem;\n\}/)
  })

  test('one schema exported under two names is declared once and aliased; an unknown $ref is unknown', () => {
    const Shared = Type.Object({ a: Type.String() })
    const text = emit({ schemas: named({ First: Shared, Second: Shared, Loose: Type.Object({ r: Type.Ref('Nowhere') }) }) })
    assert.match(text, /export interface First \{\n  a: string;\n\}/)
    assert.match(text, /export type Second = First;/)
    assert.match(text, /\n  r: unknown;\n/)
  })

  test('a nested schema that a Type.Ref points to is hoisted under its $id', () => {
    const Inner = Type.Object({ v: Type.String() }, { $id: 'inner-thing' })
    const text = emit({ schemas: named({ Holder: Type.Object({ inner: Inner }), Pointer: Type.Object({ r: Type.Ref('inner-thing') }) }) })
    assert.match(text, /export interface InnerThing \{\n  v: string;\n\}/)
    assert.match(text, /\n  inner: InnerThing;\n/)
    assert.match(text, /\n  r: InnerThing;\n/)
  })

  test('enums, keyof, records and template literals become their plain types', () => {
    enum Color { Red = 'red', Green = 'green' }
    const text = emit({
      schemas: named({
        Colors: Type.Enum(Color),
        Keys: Type.KeyOf(Type.Object({ a: Type.String(), 'b-c': Type.String() })),
        ByName: Type.Record(Type.String(), Type.Integer()),
        ByIndex: Type.Record(Type.Integer(), Type.String()),
        ByLiteral: Type.Record(Type.Union([Type.Literal('x'), Type.Literal('y')]), Type.Boolean()),
        ByTemplate: Type.Record(Type.TemplateLiteral('id-${number}'), Type.Null()),
        Event: Type.TemplateLiteral('on${Click|Key}${number}'),
        Hand: Type.String({ pattern: '^[a-z]+$' }),
        Pair: Type.Tuple([Type.String(), Type.Union([Type.Number(), Type.Null()])]),
        None: Type.Tuple([]),
      }),
    })
    assert.match(text, /export type Colors = 'red' \| 'green';/)
    assert.match(text, /export type Keys = 'a' \| 'b-c';/)
    assert.match(text, /export type ByName = \{ \[key: string\]: number \};/)
    assert.match(text, /export type ByIndex = \{ \[key: number\]: string \};/)
    assert.match(text, /export interface ByLiteral \{\n  x: boolean;\n  y: boolean;\n\}/)
    assert.match(text, /export type ByTemplate = \{ \[key: `id-\$\{number\}`\]: null \};/)
    assert.ok(text.includes("export type Event = `on${'Click' | 'Key'}${number}`;"))
    assert.match(text, /export type Hand = string;/)
    assert.match(text, /export type Pair = \[string, number \| null\];/)
    assert.match(text, /export type None = \[\];/)
  })

  test('per-service types: aliases of named schemas, inline types otherwise, none twice', () => {
    const text = emitTypes(sample()).content
    assert.match(text, /export type MessagesId = number;/)
    assert.match(text, /export type MessagesResult = Message;/)
    assert.match(text, /export interface MessagesData \{\n  text: string;\n\}/)
    assert.match(text, /export interface MessagesQuery \{\n  id\?: number \| QueryOperators<number>;/)
    assert.match(text, /export interface MessagesMarkReadData \{\n  ids: number\[\];\n\}/)
    assert.match(text, /export interface MessagesTypingEvent \{\n  who: string;\n\}/)
    assert.match(text, /export type TreesId = string \| number;/)
    assert.doesNotMatch(text, /MessagesPatch|TreesData/)
    const ThingsResult = Type.Object({ a: Type.String() })
    const same = emit({ schemas: named({ ThingsResult }), services: [service('things', 'Things', { result: ThingsResult })] })
    assert.equal(count(same, 'ThingsResult '), 1, 'a named schema that is its own service type is declared once')
    assert.throws(() => emit({
      schemas: named({ ThingsResult }),
      services: [service('things', 'Things', { result: Type.Object({ b: Type.String() }) })],
    }), /'ThingsResult' would be declared twice/)
  })

  test('ServiceTypes, Paginated and Connection', () => {
    const text = emitTypes(sample()).content
    assert.ok(text.includes([
      "  'messages': {", '    id: MessagesId;', '    result: MessagesResult;', '    data: MessagesData;',
      '    query: MessagesQuery;', "    methods: 'find' | 'get' | 'create' | 'remove';", '    paginate: true;',
      "    multi: 'remove';", '    custom: { markRead: { data: MessagesMarkReadData; result: MessagesMarkReadResult } };',
      '    events: { typing: MessagesTypingEvent };', '  };',
      "  'trees': {", '    id: TreesId;', '    result: TreesResult;', '    query: TreesQuery;', "    methods: 'get';", '  };',
    ].join('\n')))
    assert.match(text, /export interface Paginated<T> \{\n  total: number;\n  limit: number;\n  skip: number;\n  data: T\[\];\n\}/)
    assert.match(text, /export interface Connection \{\n  user\?: Person;\n\}/)
    assert.match(emit({}), /export interface Connection \{\n\}/)
    assert.match(emit({}), /export interface ServiceTypes \{\n\}/)
  })

  test('is deterministic: the same model twice, and two equal models built apart', () => {
    const first = sample()
    assert.equal(emitTypes(first).content, emitTypes(first).content)
    assert.equal(emitTypes(sample()).content, emitTypes(first).content)
  })

  test('emits 500 services', (t) => {
    const services: ServiceModel[] = []
    const schemas: Record<string, TSchema> = {}
    for (let i = 0; i < 500; i += 1) {
      const result = Type.Object({ id: Type.Integer(), name: Type.String(), tags: Type.Array(Type.String()), kind: Type.Union([Type.Literal('a'), Type.Literal('b')]) })
      const data = Type.Object({ name: Type.String(), tags: Type.Array(Type.String()) })
      schemas[`Record${i}`] = result
      services.push(service(`service-${String(i).padStart(3, '0')}`, `Service${i}`, {
        result, data, patch: Type.Partial(data), query: querySyntax(Type.Pick(result, ['id', 'name', 'kind'])),
        methods: ['find', 'get', 'create', 'patch', 'remove'], paginate: true,
        custom: [{ name: 'go', pascal: 'Go', data: Type.Object({ a: Type.String() }), result: Type.Object({ ok: Type.Boolean() }) }],
        events: [{ name: 'ping', pascal: 'Ping', schema: Type.Object({ at: Type.Number() }) }],
      }))
    }
    const big = model({ schemas: named(schemas), services })
    const started = performance.now()
    const text = emitTypes(big).content
    const elapsed = performance.now() - started
    assert.equal(count(text, '\n  \'service-'), 500)
    // Timing is bench 2's to measure (bench/generation.ts), not a unit test's.
    t.diagnostic(`emitTypes for 500 services: ${Math.round(elapsed)} ms, ${text.length} characters`)
  })
})

describe('querySyntax filters', () => {
  test('the filter shared by $or and $and is declared once as <Query>Filter', () => {
    const Note = Type.Object({ id: Type.Integer(), text: Type.String() })
    const NoteQuery = querySyntax(Type.Pick(Note, ['id', 'text']))
    const text = emit({ schemas: named({ Note, NoteQuery }) })
    assert.match(text, /^  \$or\?: NoteQueryFilter\[\];$/m)
    assert.match(text, /^  \$and\?: \(NoteQueryFilter \| \{ \$or: NoteQueryFilter\[\] \}\)\[\];$/m)
    assert.equal(count(text, 'export interface NoteQueryFilter {'), 1)
    assert.equal(count(text, 'id?: number | QueryOperators<number>;'), 2, 'the id operators appear in the query and in its filter only')
  })

  test('the standard operators are written as QueryOperators<T>, declared once', () => {
    const Note = Type.Object({
      id: Type.Integer(), kind: Type.Union([Type.Literal('a'), Type.Literal('b')]), tags: Type.Array(Type.String()),
      at: Type.Union([Type.String(), Type.Null()]),
    })
    const text = emit({ schemas: named({ Note, NoteQuery: querySyntax(Note) }) })
    assert.equal(count(text, 'export interface QueryOperators<T> {'), 1)
    assert.match(text, /export interface QueryOperators<T> \{\n  \$gt\?: T;\n  \$gte\?: T;\n  \$lt\?: T;\n  \$lte\?: T;\n  \$ne\?: T;\n  \$in\?: T\[\];\n  \$nin\?: T\[\];\n\}/)
    assert.match(text, /^  id\?: number \| QueryOperators<number>;$/m)
    assert.match(text, /^  kind\?: 'a' \| 'b' \| QueryOperators<'a' \| 'b'>;$/m)
    assert.match(text, /^  at\?: string \| null \| QueryOperators<string \| null>;$/m)
    // An array-valued property's `$in` takes the array itself, not a list of arrays: written out.
    assert.match(text, /^  tags\?: string\[\] \| \{ \$gt\?: string\[\]; .*\$in\?: string\[\]; \$nin\?: string\[\] \};$/m)
    // Only querySyntax's exact shape: an object with other operators, or fewer, is written out.
    const Other = Type.Object({ $gt: Type.Optional(Type.Number()), $lt: Type.Optional(Type.Number()) })
    assert.match(emit({ schemas: named({ Other }) }), /export interface Other \{\n  \$gt\?: number;\n  \$lt\?: number;\n\}/)
  })

  test('extension operators (querySyntax(props, extensions)) stay in the named filter', () => {
    const Note = Type.Object({ id: Type.Integer(), text: Type.String() })
    const NoteQuery = querySyntax(Note, { text: { $like: Type.String(), $ilike: Type.String(), $notlike: Type.String() } })
    const text = emit({ schemas: named({ Note, NoteQuery }) })
    assert.match(text, /^  text\?: string \| \{ \$gt\?: string; .*\$nin\?: string\[\]; \$ilike\?: string; \$like\?: string; \$notlike\?: string \};$/m)
    assert.equal(count(text, '$like?: string'), 2, 'in the query and its filter, nowhere else')
    assert.equal(count(text, 'export interface NoteQueryFilter {'), 1)
    assert.doesNotMatch(text, /id\?: number \| \{[^}]*\$like/, 'extensions are per property')
  })

  test('an inline service query gets its filter named after the per-service type', () => {
    const Note = Type.Object({ id: Type.Integer() })
    const text = emit({ services: [service('notes', 'Notes', { result: Note, query: querySyntax(Note) })] })
    assert.match(text, /\$or\?: NotesQueryFilter\[\];/)
    assert.equal(count(text, 'export interface NotesQueryFilter {'), 1)
  })
})
