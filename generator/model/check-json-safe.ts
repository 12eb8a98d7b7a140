import type { TSchema } from '@sinclair/typebox'
import type { Diagnostic } from './model.js'
import { isTransform, kindOf } from './typebox-kind.js'
import type { SchemaCheck } from './walk-schema.js'

/** Where a schema was found: the module and the service path or export name. */
export interface Where {
  file: string
  subject: string | undefined
}

// Each kind that has no JSON form, and the JSON form to use instead.
const NOT_JSON: Readonly<Record<string, string>> = {
  Date: "use Type.String({ format: 'date-time' })",
  Uint8Array: "send bytes as a base64 string: Type.String({ contentEncoding: 'base64' })",
  BigInt: "use Type.Integer() or a decimal string: Type.String({ pattern: '^-?[0-9]+$' })",
  Function: 'functions are not data; remove it (a callable belongs in custom methods)',
  Constructor: 'constructors are not data; remove it',
  Promise: 'declare the resolved value instead (a service method awaits its promise before sending)',
  Symbol: 'use Type.String() or a Type.Literal(...) union',
  Undefined: 'use Type.Optional(...) for a property that may be missing, or Type.Null() (JSON has no undefined)',
  Void: 'use Type.Null(), or Type.Optional(...) for a property that may be missing (JSON has no undefined)',
  Iterator: 'use Type.Array(...)',
  AsyncIterator: 'use Type.Array(...) (or a custom event per item)',
}

// Kinds that carry JSON and that the generator compiles; anything else is reported.
const JSON_KINDS = new Set([
  'Any', 'Array', 'Boolean', 'Integer', 'Intersect', 'Literal', 'Never', 'Not', 'Null', 'Number', 'Object',
  'Record', 'Ref', 'RegExp', 'String', 'TemplateLiteral', 'This', 'Tuple', 'Union', 'Unknown',
])

/**
 * Every place in a schema holding something that cannot cross the socket as JSON (SPEC §1),
 * each with its JSON path and the JSON form to use instead.
 */
export function jsonSafeCheck(where: Where): SchemaCheck {
  const diagnostics: Diagnostic[] = []
  return {
    visit: ({ schema, path: at }) => {
      const message = problem(schema)
      if (message === undefined) return true
      diagnostics.push({ file: where.file, subject: where.subject, path: at, message })
      return false
    },
    diagnostics: () => diagnostics,
  }
}

/** What is wrong with one schema node itself, if anything. */
function problem(schema: TSchema): string | undefined {
  const kind = kindOf(schema)
  if (isTransform(schema)) {
    return 'Type.Transform cannot cross the socket: its Decode/Encode functions never run on the wire; '
      + 'declare the JSON form that is sent instead'
  }
  const fix = NOT_JSON[kind]
  if (fix !== undefined) return `Type.${kind} cannot cross the socket; ${fix}`
  if (kind === 'Unsafe') {
    return 'Type.Unsafe has no runtime shape, so nothing can validate or clean it; describe the value with Type.* schemas'
  }
  if (kind === 'Import' || kind === 'Module') {
    return 'Type.Module(...).Import(...) is not supported; export each schema (with a $id) and link them with Type.Ref'
  }
  if (!JSON_KINDS.has(kind)) {
    return `kind '${kind}' is not a JSON kind feathers-sio-gen can compile; describe the value with Type.Object, Type.String, …`
  }
  return undefined
}
