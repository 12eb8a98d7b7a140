import type { TSchema } from '@sinclair/typebox'
import type { Where } from './check-json-safe.js'
import type { Diagnostic } from './model.js'
import { legacyModifierOf } from './typebox-kind.js'
import type { SchemaCheck } from './walk-schema.js'

/**
 * A schema built with TypeBox 0.25 (`@feathersjs/typebox`, as Feathers CLI apps have): its
 * Optional/Readonly marks use a symbol 0.34 does not know, so reading it would type optional
 * properties (every `Type.Partial` patch field) as required. Refused with the migration, once per
 * schema, at the first marked property, never read half-right.
 */
export function typeboxVersionCheck(where: Where): SchemaCheck {
  const marked: { path: string; modifier: string }[] = []
  return {
    visit: ({ schema, path: at }) => {
      const modifier = legacyModifierOf(schema)
      if (modifier !== undefined) marked.push({ path: at, modifier })
    },
    diagnostics: () => legacyDiagnostics(marked, where),
  }
}

function legacyDiagnostics(marked: readonly { path: string; modifier: string }[], where: Where): Diagnostic[] {
  const first = marked[0]
  if (first === undefined) return []
  const more = marked.length > 1 ? ` (and ${marked.length - 1} more)` : ''
  return [{
    file: where.file,
    subject: where.subject,
    path: first.path,
    message: `this schema was built with TypeBox 0.25 (@feathersjs/typebox): its ${first.modifier} mark${more} uses `
      + 'TypeBox 0.25\'s Modifier symbol, which feathers-sio-gen does not read (optional properties would be typed as required); '
      + "build it with @sinclair/typebox 0.34 (import { Type } from '@sinclair/typebox') and take querySyntax from "
      + "'feathers-sio-gen' instead of @feathersjs/typebox",
  }]
}
