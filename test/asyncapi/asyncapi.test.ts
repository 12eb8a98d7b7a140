// The AsyncAPI document (SPEC §9): valid for @asyncapi/parser 3 with no errors, deterministic,
// committed under docs/ and current, and shaped as Feathers speaks Socket.io.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { Parser } from '@asyncapi/parser'
import { parse } from 'yaml'
import { emitAsyncApi, formatAsyncApi } from '../../generator/emit/emit-asyncapi.js'
import { loadModel } from '../../generator/load-model.js'
import { buildModel } from '../../generator/model/build-model.js'
import { Type } from '@sinclair/typebox'
import { defineService } from 'feathers-sio-gen'
import type { GenModel } from '../../generator/model/model.js'
import { repoRoot } from '../helpers/cli-sandbox.js'

type Doc = Record<string, any>

async function modelOf(dir: string): Promise<GenModel> {
  const loaded = await loadModel(dir, repoRoot)
  assert.equal(loaded.status, 'ok', JSON.stringify(loaded))
  return (loaded as { model: GenModel }).model
}

/**
 * Every error (severity 0) and warning (1) @asyncapi/parser reports. Only information is left
 * out: it recommends AsyncAPI 3.1, and the document is 3.0 on purpose (what tools support widely).
 */
async function parserErrors(text: string): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(text)
  return diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code}: ${d.message} at ${d.path.join('/')}`)
}

describe('asyncapi document', () => {
  let sample: GenModel
  let kinds: GenModel
  before(async () => {
    sample = await modelOf('schemas')
    kinds = await modelOf('test/fixtures/kinds')
  })

  test('the sample schemas give a document @asyncapi/parser accepts with no errors nor warnings', async () => {
    const text = formatAsyncApi(emitAsyncApi(sample), 'yaml')
    assert.deepEqual(await parserErrors(text), [])
  })

  test('the kinds fixture (every TypeBox kind, recursion, refs, placeholders) gives no errors either', async () => {
    const text = formatAsyncApi(emitAsyncApi(kinds), 'json')
    assert.deepEqual(await parserErrors(text), [])
  })

  test('the parser does report errors: a document with a dangling $ref is refused', async () => {
    const doc = emitAsyncApi(sample) as Doc
    doc.channels.Messages.messages['get.call'].payload.prefixItems[1] = { $ref: '#/components/schemas/Nope' }
    assert.notDeepEqual(await parserErrors(JSON.stringify(doc)), [])
  })

  test('deterministic: the same model gives byte-identical YAML and JSON', async () => {
    const again = await modelOf('schemas')
    assert.equal(formatAsyncApi(emitAsyncApi(sample), 'yaml'), formatAsyncApi(emitAsyncApi(again), 'yaml'))
    assert.equal(formatAsyncApi(emitAsyncApi(sample), 'json'), formatAsyncApi(emitAsyncApi(again), 'json'))
    assert.deepEqual(parse(formatAsyncApi(emitAsyncApi(sample), 'yaml')), JSON.parse(formatAsyncApi(emitAsyncApi(sample), 'json')))
  })

  test('docs/asyncapi.yaml is current (regenerate: feathers-sio-gen asyncapi ./schemas --out docs/asyncapi.yaml)', () => {
    const committed = readFileSync(join(repoRoot, 'docs/asyncapi.yaml'), 'utf8')
    assert.equal(committed, formatAsyncApi(emitAsyncApi(sample), 'yaml'))
  })

  test('named schemas keep their export names; per-service payloads get their per-service type names', () => {
    const schemas = (emitAsyncApi(sample) as Doc).components.schemas
    for (const name of ['Message', 'MessageData', 'MessageQuery', 'User', 'UserData', 'UserQuery', 'Connection',
      'MessagesId', 'MessagesPatch', 'MessagesMarkReadData', 'MessagesMarkReadResult', 'MessagesTypingEvent', 'MessagesPage', 'FeathersError']) {
      assert.ok(name in schemas, `components.schemas.${name}`)
    }
    // Shared schemas appear once and are referred to: Message's user is a $ref to User.
    assert.deepEqual(schemas.Message.properties.user, { $ref: '#/components/schemas/User' })
    assert.ok(!('MessagesResult' in schemas), 'a named result is not copied under a second name')
  })

  test('an operation per callable method: the call as Feathers sends it, the ack and the error as replies', () => {
    const doc = emitAsyncApi(sample) as Doc
    const ops = Object.keys(doc.operations).filter((id) => id.startsWith('Messages.') && !id.endsWith('.event'))
    assert.deepEqual(ops, ['Messages.find', 'Messages.get', 'Messages.create', 'Messages.patch', 'Messages.remove', 'Messages.markRead'])
    const patch = doc.operations['Messages.patch']
    assert.equal(patch.action, 'receive')
    assert.deepEqual(patch.reply.messages, [{ $ref: '#/channels/Messages/messages/patch.ack' }, { $ref: '#/channels/Messages/messages/error' }])
    const call = doc.channels.Messages.messages['patch.call']
    assert.equal(call.name, 'patch', 'the Socket.io event name is the method')
    const items = call.payload.prefixItems
    assert.equal(call.payload.type, 'array')
    assert.deepEqual(items.map((i: Doc) => i.$ref ?? i.const), ['messages', '#/components/schemas/MessagesId', '#/components/schemas/MessagesPatch', '#/components/schemas/MessageQuery'])
    assert.match(items[3].description, /only part of params that crosses the socket/, 'the query-only rule is visible')
    const ack = doc.channels.Messages.messages['find.ack'].payload.prefixItems
    assert.deepEqual([ack[0].type, ack[1].$ref], ['null', '#/components/schemas/MessagesPage'])
    assert.deepEqual(doc.components.messages.FeathersError.payload.prefixItems, [{ $ref: '#/components/schemas/FeathersError' }])
    // multi remove: a null id, and an array or one record back.
    const remove = doc.channels.Messages.messages['remove.call'].payload.prefixItems[1]
    assert.deepEqual(remove.oneOf, [{ $ref: '#/components/schemas/MessagesId' }, { type: 'null' }])
  })

  test('an operation per real-time event: standard ones only for listed methods, and custom events', () => {
    const doc = emitAsyncApi(sample) as Doc
    const events = Object.keys(doc.operations).filter((id) => id.endsWith('.event'))
    assert.deepEqual(events, ['Messages.created.event', 'Messages.patched.event', 'Messages.removed.event', 'Messages.typing.event',
      'Users.created.event', 'Users.patched.event'])
    assert.equal(doc.operations['Users.created.event'].action, 'send')
    const typing = doc.channels.Messages.messages['typing.event']
    assert.equal(typing.name, 'messages typing', 'Feathers names events `<path> <event>`')
    assert.deepEqual(typing.payload.prefixItems, [{ $ref: '#/components/schemas/MessagesTypingEvent' }])
  })

  test('route placeholders are channel parameters; the path argument is a pattern', () => {
    const doc = emitAsyncApi(kinds) as Doc
    const channel = doc.channels.UsersUserIdTrees
    assert.equal(channel.address, 'users/{userId}/trees')
    assert.deepEqual(Object.keys(channel.parameters), ['userId'])
    assert.equal(channel.messages['find.call'].payload.prefixItems[0].pattern, '^users/[^/]+/trees$')
  })

  test('the connection: the handshake channel refers to the declared Connection schema', () => {
    const doc = emitAsyncApi(sample) as Doc
    assert.deepEqual(doc.channels.Connection['x-feathers-connection'], { $ref: '#/components/schemas/Connection' })
    assert.deepEqual(doc.components.schemas.Connection.properties.user, { $ref: '#/components/schemas/User' })
    assert.equal((emitAsyncApi(kinds) as Doc).channels.Connection['x-feathers-connection'], undefined)
  })

  test('a declared authentication service is named as the way a socket authenticates', async () => {
    const authentication = defineService({
      path: 'authentication',
      result: Type.Object({ accessToken: Type.String() }),
      data: Type.Object({ strategy: Type.String(), accessToken: Type.Optional(Type.String()) }),
      methods: ['create', 'remove'],
    })
    const { model, diagnostics } = buildModel([{ file: 'schemas/auth.ts', exports: { authentication } }])
    assert.deepEqual(diagnostics, [])
    const doc = emitAsyncApi(model) as Doc
    assert.match(doc.channels.Connection.description, /authentication\.create \(operation Authentication\.create\) authenticates the socket/)
    assert.ok(doc.operations['Authentication.create'])
    assert.doesNotMatch((emitAsyncApi(sample) as Doc).channels.Connection.description, /Authentication:/)
    assert.deepEqual(await parserErrors(JSON.stringify(doc)), [])
  })

  test('no anonymous payloads: every call argument but the path is a $ref (or a list/null of one)', () => {
    for (const model of [sample, kinds]) {
      const doc = emitAsyncApi(model) as Doc
      for (const channel of Object.values<Doc>(doc.channels)) {
        for (const [key, message] of Object.entries<Doc>(channel.messages ?? {})) {
          if (!key.endsWith('.call') && !key.endsWith('.event')) continue
          const args = message.payload.prefixItems.slice(key.endsWith('.call') ? 1 : 0)
          for (const arg of args) assert.ok(arg.$ref ?? arg.oneOf?.[0]?.$ref, `${key}: ${JSON.stringify(arg)}`)
        }
      }
    }
  })
})
