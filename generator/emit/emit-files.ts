import type { GenModel, GeneratedFile } from '../model/model.js'
import { emitClient } from './emit-client.js'
import { emitServer } from './emit-server.js'
import { emitTypes } from './emit-types.js'
import { emitValidators } from './emit-validators.js'

/** Every generated file for a model, in a fixed order. Pure: nothing here touches the disk. */
export function emitFiles(model: GenModel): GeneratedFile[] {
  return [emitTypes(model), emitValidators(model), emitServer(model), emitClient(model)]
}
