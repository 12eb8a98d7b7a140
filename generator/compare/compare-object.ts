import { narrows, widens } from './change.js'
import type { SchemaChange } from './change.js'
import type { CompareStep } from './compare-union.js'
import { childPath, schemaMap } from './schema-shape.js'
import type { Shape } from './schema-shape.js'

const closed = (schema: Shape) => schema['additionalProperties'] === false
const requiredOf = (schema: Shape) => new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : [])

/**
 * Objects, property by property (order never matters): removed, added, required ↔ optional,
 * extra properties refused ↔ allowed, and each common property in depth. Records compare their
 * value schemas.
 */
export function compareObject(a: Shape, b: Shape, path: string, step: CompareStep): SchemaChange[] {
  const changes: SchemaChange[] = []
  const before = schemaMap(a, 'properties'), after = schemaMap(b, 'properties')
  const requiredBefore = requiredOf(a), requiredAfter = requiredOf(b)
  for (const name of Object.keys(before)) {
    const at = childPath(path, name)
    if (!(name in after)) {
      changes.push(closed(b)
        ? { path: at, message: 'property removed (extra properties are refused, so sending it now fails)', toServer: 'breaking', toClient: 'breaking' }
        // Extra properties allowed: a client that still sends it is not refused, but the value is
        // no longer checked and the server may not use it; a reviewer should look.
        : { path: at, message: 'property removed (still accepted unchecked: extra properties are allowed)', toServer: 'warning', toClient: 'breaking' })
      continue
    }
    const was = requiredBefore.has(name), is = requiredAfter.has(name)
    if (was && !is) changes.push({ path: at, message: 'required → optional', ...widens })
    if (!was && is) changes.push({ path: at, message: 'optional → required', ...narrows })
    changes.push(...step(before[name]!, after[name]!, at))
  }
  for (const name of Object.keys(after)) {
    if (name in before) continue
    const at = childPath(path, name)
    if (requiredAfter.has(name)) changes.push({ path: at, message: 'new required property', ...narrows })
    // An optional property where extras were allowed: values clients already sent under that
    // name are now checked against its schema and may be refused.
    else changes.push({ path: at, message: 'new optional property', toServer: closed(a) ? 'safe' : 'warning', toClient: 'safe' })
  }
  if (closed(a) !== closed(b)) {
    changes.push(closed(b)
      ? { path, message: 'extra properties now refused (additionalProperties: false)', ...narrows }
      : { path, message: 'extra properties now allowed', ...widens })
  } else if (isSchemaValue(a['additionalProperties']) && isSchemaValue(b['additionalProperties'])) {
    changes.push(...step(a['additionalProperties'], b['additionalProperties'], childPath(path, '*')))
  }
  const patternsBefore = schemaMap(a, 'patternProperties'), patternsAfter = schemaMap(b, 'patternProperties')
  for (const pattern of new Set([...Object.keys(patternsBefore), ...Object.keys(patternsAfter)])) {
    const x = patternsBefore[pattern], y = patternsAfter[pattern]
    const at = childPath(path, `[${pattern}]`)
    if (x !== undefined && y !== undefined) changes.push(...step(x, y, at))
    else if (x !== undefined) changes.push({ path: at, message: 'record keys matching this pattern removed', toServer: 'breaking', toClient: 'breaking' })
    else changes.push({ path: at, message: 'record keys matching this pattern added', ...widens })
  }
  return changes
}

function isSchemaValue(value: unknown): value is Shape {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
