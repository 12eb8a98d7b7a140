// Shared by the compare tests: a small service whose parts each case varies, built through the
// real model stage (buildModel over modules in memory), so compare sees what the CLI would.
import assert from 'node:assert/strict'
import { Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { defineConnection, defineService, querySyntax } from 'feathers-sio-gen'
import { buildModel } from '../../generator/model/build-model.js'
import type { GenModel } from '../../generator/model/model.js'
import type { Change, Verdict } from '../../generator/compare/change.js'

/** The default result of the `items` service. */
export const Item = () => Type.Object({
  id: Type.Integer(),
  name: Type.String({ maxLength: 100 }),
  status: Type.Union([Type.Literal('open'), Type.Literal('done')]),
  note: Type.Optional(Type.String()),
}, { additionalProperties: false })

/** The default data of the `items` service. */
export const ItemData = () => Type.Object({
  name: Type.String({ maxLength: 100 }),
  status: Type.Union([Type.Literal('open'), Type.Literal('done')]),
  note: Type.Optional(Type.String()),
}, { additionalProperties: false })

/** An `items` service with every kind of part; `overrides` replace options. */
export function items(overrides: Record<string, unknown> = {}): unknown {
  return defineService({
    path: 'items',
    id: Type.Integer(),
    result: Item(),
    data: ItemData(),
    query: querySyntax(Type.Pick(Item(), ['id', 'name'])),
    methods: ['find', 'get', 'create', 'update', 'patch', 'remove'],
    custom: {
      touch: {
        data: Type.Object({ ids: Type.Array(Type.Integer(), { maxItems: 10 }) }, { additionalProperties: false }),
        result: Type.Object({ touched: Type.Integer() }, { additionalProperties: false }),
      },
    },
    events: { pinged: Type.Object({ at: Type.String({ format: 'date-time' }) }, { additionalProperties: false }) },
    ...overrides,
  } as never)
}

/** A valid model of one module with these exports; fails the test on any diagnostic. */
export function modelOf(exports: Record<string, unknown>): GenModel {
  const { model, diagnostics } = buildModel([{ file: 'schemas/x.ts', exports }])
  assert.deepEqual(diagnostics, [], 'the case must be valid schemas')
  return model
}

/** The worst verdict of a list of changes, or `none` when there is none. */
export function overall(changes: readonly Change[]): Verdict | 'none' {
  if (changes.some((c) => c.verdict === 'breaking')) return 'breaking'
  if (changes.some((c) => c.verdict === 'warning')) return 'warning'
  return changes.length > 0 ? 'safe' : 'none'
}

export { defineConnection, Type }
export type { TSchema }
