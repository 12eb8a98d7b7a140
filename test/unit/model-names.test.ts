import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { PROTECTED_NAMES } from '../../generator/model/protected-names.js'
import { diagnosticsOf, expectOne, Item, ItemData, service } from './model-helpers.js'

const method = { data: ItemData, result: Item }

test('methods that are not an array', () => {
  expectOne({ items: service({ methods: 'find' }) }, {
    subject: 'items', path: 'methods',
    message: "`methods` must be an array of standard method names such as ['find', 'get'], got the string \"find\"",
  })
})

test('missing methods', () => {
  expectOne({ items: service({ methods: undefined }) }, {
    subject: 'items', path: 'methods',
    message: "missing `methods`; list the standard methods the service offers, e.g. methods: ['find', 'get']",
  })
})

test('empty methods', () => {
  expectOne({ items: service({ methods: [] }) }, {
    subject: 'items', path: 'methods',
    message: '`methods` is empty; list at least one of find, get, create, update, patch, remove',
  })
})

test('an unknown method name suggests the closest', () => {
  expectOne({ items: service({ methods: ['find', 'gett'] }) }, {
    subject: 'items', path: 'methods[1]',
    message: "unknown method 'gett'; did you mean 'get'? standard methods are find, get, create, update, patch, remove "
      + '(declare others under `custom`)',
  })
})

test('an unknown method name far from any', () => {
  expectOne({ items: service({ methods: ['find', 'archiveAll'] }) }, {
    subject: 'items', path: 'methods[1]',
    message: "unknown method 'archiveAll'; standard methods are find, get, create, update, patch, remove (declare others under `custom`)",
  })
})

test('a method that is not a string', () => {
  expectOne({ items: service({ methods: ['find', 3] }) }, {
    subject: 'items', path: 'methods[1]', message: "a method name must be a string such as 'find', got the number 3",
  })
})

test('a method listed twice', () => {
  expectOne({ items: service({ methods: ['find', 'get', 'find'] }) }, {
    subject: 'items', path: 'methods[2]', message: "method 'find' is listed twice; list it once",
  })
})

test('a custom method name that is not an identifier', () => {
  expectOne({ items: service({ custom: { 'mark-read': method } }) }, {
    subject: 'items', path: 'custom["mark-read"]',
    message: "custom method name 'mark-read' is not an identifier; use a name such as 'markRead'",
  })
})

test('a custom method name Feathers protects', () => {
  expectOne({ items: service({ custom: { setup: method } }) }, {
    subject: 'items', path: 'custom.setup',
    message: "custom method name 'setup' is protected by Feathers (its hook, event and object API); rename it",
  })
})

test('a custom method named like a standard method', () => {
  expectOne({ items: service({ custom: { find: method } }) }, {
    subject: 'items', path: 'custom.find',
    message: "custom method 'find' has the name of a standard method; list 'find' in `methods` instead, or rename it",
  })
})

test('two custom methods with the same PascalCase', () => {
  expectOne({ items: service({ custom: { markRead: method, MarkRead: method } }) }, {
    subject: 'items', path: 'custom.markRead',
    message: "custom methods 'MarkRead' and 'markRead' give the same type names (MarkRead); rename one",
  })
})

test('a custom method name that gives no type name', () => {
  expectOne({ items: service({ custom: { _: method } }) }, {
    subject: 'items', path: 'custom._',
    message: "custom method name '_' gives no type name (PascalCase ''); start it with a letter",
  })
})

test('an event name that is not an identifier', () => {
  expectOne({ items: service({ events: { 'is typing': Item } }) }, {
    subject: 'items', path: 'events["is typing"]',
    message: "event name 'is typing' is not an identifier; use a name such as 'isTyping'",
  })
})

test('an event name Feathers protects', () => {
  expectOne({ items: service({ events: { error: Item } }) }, {
    subject: 'items', path: 'events.error',
    message: "event name 'error' is protected by Feathers (its hook, event and object API); rename it",
  })
})

test('an event named like a standard event', () => {
  expectOne({ items: service({ events: { patched: Item } }) }, {
    subject: 'items', path: 'events.patched',
    message: "event 'patched' is the standard event Feathers sends after patch; rename the custom event",
  })
})

test('an event named like a custom method', () => {
  expectOne({ items: service({ custom: { markRead: method }, events: { markRead: Item } }) }, {
    subject: 'items', path: 'events.markRead',
    message: "event 'markRead' has the same name as a custom method of this service; rename one",
  })
})

test('two events with the same PascalCase', () => {
  expectOne({ items: service({ events: { typing: Item, Typing: Item } }) }, {
    subject: 'items', path: 'events.typing',
    message: "events 'Typing' and 'typing' give the same type name (TypingEvent); rename one",
  })
})

test('protected names come from the real prototypes and the Feathers list', () => {
  for (const name of ['all', 'around', 'before', 'after', 'error', 'hooks', 'setup', 'teardown', 'publish', 'on', 'emit']) {
    assert.ok(PROTECTED_NAMES.has(name), name)
  }
  for (const name of Object.getOwnPropertyNames(Object.prototype)) assert.ok(PROTECTED_NAMES.has(name), name)
  for (const name of Object.getOwnPropertyNames(EventEmitter.prototype)) assert.ok(PROTECTED_NAMES.has(name), name)
  assert.ok(PROTECTED_NAMES.has('hasOwnProperty') && PROTECTED_NAMES.has('removeAllListeners'))
  assert.ok(!PROTECTED_NAMES.has('markRead'))
})

test('every protected name is rejected as a custom method and as an event', () => {
  for (const name of ['constructor', 'toString', 'once', 'listeners', 'hooks']) {
    const found = diagnosticsOf({ items: service({ custom: { [name]: method }, events: { [name]: Type.Null() } }) })
    assert.deepEqual(found.map((d) => d.path).sort(), [`custom.${name}`, `events.${name}`], name)
  }
})

test('a custom method name the Feathers client service uses itself', () => {
  expectOne({ items: service({ custom: { send: method } }) }, {
    subject: 'items', path: 'custom.send',
    message: "custom method name 'send' is taken by the Feathers Socket.io client service (send, methods, events, path, "
      + "connection, method and names starting with '_'); rename it",
  })
  const underscored = diagnosticsOf({ items: service({ custom: { _markRead: method } }) })
  assert.deepEqual(underscored.map((d) => d.path), ['custom._markRead'])
  assert.match(underscored[0]!.message, /^custom method name '_markRead' is taken by the Feathers Socket\.io client service/)
})
