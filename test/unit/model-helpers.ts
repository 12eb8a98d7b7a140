// Shared by the model-*.test.ts files: small valid schemas and helpers to build modules in memory.
import assert from 'node:assert/strict'
import { Type } from '@sinclair/typebox'
import { defineService } from 'feathers-sio-gen'
import { buildModel } from '../../generator/model/build-model.js'
import type { Diagnostic } from '../../generator/model/model.js'

/** A valid result schema. */
export const Item = Type.Object({ id: Type.Integer(), name: Type.String() }, { additionalProperties: false })
/** A valid data schema. */
export const ItemData = Type.Object({ name: Type.String() }, { additionalProperties: false })

/** A valid `items` service with `overrides` applied; not type-checked, like a JS user's module. */
export function service(overrides: Record<string, unknown> = {}) {
  return defineService({
    path: 'items', result: Item, data: ItemData, methods: ['find', 'get', 'create', 'patch', 'remove'], ...overrides,
  } as never)
}

/** Every diagnostic of one module `schemas/x.ts` with these exports. */
export function diagnosticsOf(exports: Record<string, unknown>, file = 'schemas/x.ts'): Diagnostic[] {
  return buildModel([{ file, exports }]).diagnostics
}

/** Asserts that the module has exactly this one problem (file `schemas/x.ts`). */
export function expectOne(exports: Record<string, unknown>, expected: Omit<Diagnostic, 'file'> & { file?: string }): void {
  assert.deepEqual(diagnosticsOf(exports), [{ file: 'schemas/x.ts', ...expected }])
}
