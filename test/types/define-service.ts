// Type tests of defineService (compile-only: `tsc` must accept this file, and each line after a
// `@ts-expect-error` must fail). Unknown options are the generator's to refuse (with "did you
// mean"); its typing keeps the definition's own types so `Static<typeof notes.data>` works.
import { Type } from '@sinclair/typebox'
import { defineService, querySyntax } from 'feathers-sio-gen'

const Note = Type.Object({ id: Type.Integer(), text: Type.String() }, { additionalProperties: false })

export const notes = defineService({
  path: 'notes',
  id: Type.Integer(),
  result: Note,
  data: Type.Omit(Note, ['id']),
  query: querySyntax(Type.Pick(Note, ['id'])),
  methods: ['find', 'get', 'create', 'patch', 'remove'],
  multi: ['remove'],
  custom: { markRead: { data: Type.Object({ ids: Type.Array(Type.Integer()) }), result: Type.Object({ updated: Type.Integer() }) } },
  events: { typing: Type.Object({ userId: Type.Integer() }) },
})

/** Reading needs no data. */
export const readOnly = defineService({ path: 'read-only', result: Note, methods: ['find', 'get'] })

// @ts-expect-error create is listed, so data is required
export const noData = defineService({ path: 'no-data', result: Note, methods: ['create'] })

// @ts-expect-error update is listed, so data is required
export const noDataUpdate = defineService({ path: 'no-data-update', result: Note, methods: ['get', 'update'] })

// @ts-expect-error not a standard method
export const unknownMethod = defineService({ path: 'unknown-method', result: Note, methods: ['find', 'list'] })

// @ts-expect-error multi names only create, patch and remove
export const badMulti = defineService({ path: 'bad-multi', result: Note, data: Note, methods: ['create', 'update'], multi: ['update'] })
