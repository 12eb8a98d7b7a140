import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Type } from '@sinclair/typebox'
import type { TSchema } from '@sinclair/typebox'
import { emitValidators } from '../../generator/emit/emit-validators.js'
import type { GenModel, ServiceModel } from '../../generator/model/model.js'
import { pascalCase } from '../../generator/model/pascal-case.js'
import { repoRoot } from './cli-sandbox.js'

/** A service model for emitter tests: `result` and `query` given, everything else defaulted. */
export function serviceModel(path: string, schemas: Partial<ServiceModel> & { result: TSchema; query: TSchema }): ServiceModel {
  return {
    path, pascal: pascalCase(path), file: 'schemas/test.ts', exportName: path, methods: ['find', 'get'],
    id: Type.Integer(), data: undefined, patch: undefined, paginate: false, multi: [],
    custom: [], events: [], routeParams: [], ...schemas,
  }
}

/**
 * Emits `validators.ts` for `model`, writes it under `.tmp/` (inside the repository, so
 * `feathers-sio-gen/server` resolves) and imports it: the generated code runs as users run it.
 */
export async function loadValidators(model: GenModel): Promise<{ module: Record<string, unknown>; source: string }> {
  const file = emitValidators(model)
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'validators-'))
  try {
    const path = join(dir, file.name)
    writeFileSync(path, file.content)
    return { module: await import(pathToFileURL(path).href) as Record<string, unknown>, source: file.content }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
