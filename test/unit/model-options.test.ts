import { test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { expectOne, Item, ItemData, service } from './model-helpers.js'

test('a missing result', () => {
  expectOne({ items: service({ result: undefined }) }, {
    subject: 'items', path: 'result',
    message: 'missing `result`: every service needs a result schema (one record as it leaves the server), e.g. result: Message',
  })
})

test('a string where a schema is required', () => {
  expectOne({ items: service({ result: 'string' }) }, {
    subject: 'items', path: 'result',
    message: '`result` must be a TypeBox schema (one record as it leaves the server), got the string "string"',
  })
})

test('a plain object without the Kind key where a schema is required', () => {
  expectOne({ items: service({ data: {} }) }, {
    subject: 'items', path: 'data',
    message: "`data` must be a TypeBox schema (what create and update accept), got a plain object without TypeBox's Kind "
      + '(build it with Type.*)',
  })
})

test('an event payload that is not a schema', () => {
  expectOne({ items: service({ events: { typing: 5 } }) }, {
    subject: 'items', path: 'events.typing', message: "the payload of event 'typing' must be a TypeBox schema, got the number 5",
  })
})

test('an unknown option suggests the closest known one', () => {
  expectOne({ items: service({ paginated: true }) }, {
    subject: 'items', path: 'paginated',
    message: "unknown option 'paginated'; did you mean 'paginate'? known options are path, id, result, data, patch, query, "
      + 'methods, paginate, multi, custom, events',
  })
})

test('an unknown option key of a custom method', () => {
  expectOne({ items: service({ custom: { markRead: { data: ItemData, result: Item, reslt: Item } } }) }, {
    subject: 'items', path: 'custom.markRead.reslt',
    message: "unknown option 'reslt' of custom method 'markRead'; did you mean 'result'? it takes data and result",
  })
})

test('a custom method without result', () => {
  expectOne({ items: service({ custom: { markRead: { data: ItemData } } }) }, {
    subject: 'items', path: 'custom.markRead.result',
    message: "custom method 'markRead' has no `result`; add result: Type.Object({ … }) (what it resolves to)",
  })
})

test('a custom method whose data is not a schema', () => {
  expectOne({ items: service({ custom: { markRead: { data: [Type.String()], result: Item } } }) }, {
    subject: 'items', path: 'custom.markRead.data',
    message: "`data` of custom method 'markRead' must be a TypeBox schema (what it accepts), got an array",
  })
})

test('a custom method that is a schema, not { data, result }', () => {
  expectOne({ items: service({ custom: { markRead: Item } }) }, {
    subject: 'items', path: 'custom.markRead',
    message: "custom method 'markRead' must be { data: <schema>, result: <schema> }, got Type.Object",
  })
})

test('custom that is not an object', () => {
  expectOne({ items: service({ custom: ['markRead'] }) }, {
    subject: 'items', path: 'custom',
    message: '`custom` must be an object of custom methods, { name: { data, result } }, got an array',
  })
})

test('events that is not an object', () => {
  expectOne({ items: service({ events: 'typing' }) }, {
    subject: 'items', path: 'events',
    message: '`events` must be an object of event payload schemas, { name: <schema> }, got the string "typing"',
  })
})

test('paginate of the wrong type', () => {
  expectOne({ items: service({ paginate: 'yes' }) }, {
    subject: 'items', path: 'paginate', message: '`paginate` must be true or false, got the string "yes"',
  })
})

test('multi of the wrong type', () => {
  expectOne({ items: service({ multi: 'remove' }) }, {
    subject: 'items', path: 'multi',
    message: "`multi` must be true, false or a list of 'create', 'patch', 'remove', got the string \"remove\"",
  })
})
