import type { TSchema } from '@sinclair/typebox'
import { schemaKind } from './schema-reflect.js'

/**
 * The state of one generated code file: declarations in order, names already given to schemas,
 * the runtime helpers the code calls, and the schemas `$ref`s resolve to. Declarations with the
 * same text are emitted once, so a schema used by several services costs one function.
 */
export interface CodeUnit {
  declarations: string[]
  /** Declaration text (without its name) → the name it was emitted under. */
  byText: Map<string, string>
  /** `${prefix}` + schema → its function name, so each schema object is visited once per prefix. */
  bySchema: Map<string, Map<TSchema, string>>
  /** `$id` → schema, for `Ref` and `This`. */
  references: Map<string, TSchema>
  /** Names imported from `feathers-sio-gen/server`. */
  helpers: Set<string>
  counters: Map<string, number>
}

/** A fresh unit resolving `$ref`s against `references`. */
export function createCodeUnit(references: Map<string, TSchema>): CodeUnit {
  return { declarations: [], byText: new Map(), bySchema: new Map(), references, helpers: new Set(), counters: new Map() }
}

/** A new name `${prefix}_${n}`, unique in the unit. */
export function freshName(unit: CodeUnit, prefix: string): string {
  const next = unit.counters.get(prefix) ?? 0
  unit.counters.set(prefix, next + 1)
  return `${prefix}_${next}`
}

/**
 * Emits `template(name)` under a new name, or returns the name of an identical declaration.
 * `template` must use its argument only as the declared name.
 */
export function declareOnce(unit: CodeUnit, prefix: string, template: (name: string) => string): string {
  const key = template('\u0000')
  const existing = unit.byText.get(key)
  if (existing !== undefined) return existing
  const name = freshName(unit, prefix)
  unit.byText.set(key, name)
  unit.declarations.push(template(name))
  return name
}

/** The name a schema already has under `prefix`, if any. */
export function nameOf(unit: CodeUnit, prefix: string, schema: TSchema): string | undefined {
  return unit.bySchema.get(prefix)?.get(schema)
}

/** Records the name a schema was given under `prefix`. */
export function setName(unit: CodeUnit, prefix: string, schema: TSchema, name: string): void {
  const names = unit.bySchema.get(prefix) ?? new Map<TSchema, string>()
  names.set(schema, name)
  unit.bySchema.set(prefix, names)
}

/** The schema a `Ref`/`This` points to, or undefined when the `$ref` is unknown. */
export function resolveRef(unit: CodeUnit, schema: TSchema): TSchema | undefined {
  const ref = (schema as { $ref?: unknown }).$ref
  return typeof ref === 'string' ? unit.references.get(ref) : undefined
}

/** A JS string literal. */
export function literal(value: unknown): string {
  return JSON.stringify(value)
}

/** A JSON pointer segment for a fixed key, as `pointer()` computes it at run time. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Every schema reachable from `roots` that carries a string `$id` (plus `Import` `$defs` by key). */
export function collectReferences(roots: readonly TSchema[]): Map<string, TSchema> {
  const found = new Map<string, TSchema>()
  const seen = new Set<unknown>()
  const stack: unknown[] = [...roots]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null || seen.has(node)) continue
    seen.add(node)
    const record = node as Record<string, unknown>
    if (typeof record.$id === 'string' && !found.has(record.$id)) found.set(record.$id, node as TSchema)
    if (schemaKind(node as TSchema) === 'Import' && typeof record.$defs === 'object' && record.$defs !== null) {
      for (const [key, value] of Object.entries(record.$defs)) if (!found.has(key)) found.set(key, value as TSchema)
    }
    for (const value of Object.values(record)) if (typeof value === 'object' && value !== null) stack.push(value)
  }
  return found
}
