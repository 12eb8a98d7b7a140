import type { ConnectionDeclaration } from 'feathers-sio-gen-runtime'
import type { Found } from './collect-exports.js'
import { describeValue } from './describe-value.js'
import type { Diagnostic } from './model.js'
import { isSchema, kindOf } from './typebox-kind.js'

/**
 * At most one `defineConnection` in the directory (a later one names the first), and its schema
 * an object: its properties become fields of every service's params.
 */
export function checkConnections(connections: readonly Found<ConnectionDeclaration>[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const first = connections[0]
  for (const found of connections) {
    const report = (message: string) => diagnostics.push({ file: found.file, subject: found.exportName, path: '', message })
    if (first !== undefined && found !== first) {
      report(`more than one defineConnection(...): '${first.exportName}' in ${first.file} and '${found.exportName}' in `
        + `${found.file}; keep one (socket.feathers has one shape)`)
    }
    const schema: unknown = found.value.schema
    if (!isSchema(schema)) {
      report(`defineConnection(...) needs a TypeBox schema such as Type.Object({ user: Type.Optional(User) }), got ${describeValue(schema)}`)
    } else if (kindOf(schema) !== 'Object') {
      report(`the connection schema must be Type.Object({ … }) (its properties become fields of params), got ${describeValue(schema)}`)
    }
  }
  return diagnostics
}
