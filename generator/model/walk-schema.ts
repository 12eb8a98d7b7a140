import type { TSchema } from '@sinclair/typebox'
import { joinPath } from './identifier.js'
import type { Diagnostic } from './model.js'
import { isSchema, kindOf } from './typebox-kind.js'

/** One schema met while walking: where it sits and what encloses it. */
export interface SchemaNode {
  schema: TSchema
  /** JSON path from the walk's root: `data.createdAt`, `result.items[]`, `tags{}`, `pair[1]`. */
  path: string
  /** The enclosing schemas, outermost first: the walk's own stack, valid only during the visit (copy it to keep it). */
  ancestors: readonly TSchema[]
}

/** What a walk does at each node; returning false stops it from descending into that node. */
export type Visitor = (node: SchemaNode) => boolean | void

/** A check as a visitor, and what it found once the walk is over. */
export interface SchemaCheck {
  visit: Visitor
  diagnostics: () => Diagnostic[]
}

/**
 * Visits `root` and every schema inside it, depth first. `skip` prunes sub-schemas (not the
 * root), e.g. named schemas that are checked under their own name. Safe on cycles: a schema
 * already among the ancestors is not entered again; `This` and `Ref` are leaves.
 */
export function walkSchema(root: TSchema, path: string, visit: Visitor, skip?: (schema: TSchema) => boolean): void {
  walkSchemaTogether(root, path, [visit], skip)
}

/**
 * One walk for several visitors (each check of a schema would otherwise walk it again): a visitor
 * that returns false at a node is not called inside it, while the others go on.
 */
export function walkSchemaTogether(root: TSchema, path: string, visitors: readonly Visitor[], skip?: (schema: TSchema) => boolean): void {
  const ancestors: TSchema[] = []
  const enter = (schema: TSchema, at: string, active: readonly Visitor[]): void => {
    if (ancestors.includes(schema)) return
    const node: SchemaNode = { schema, path: at, ancestors }
    let inside: Visitor[] | undefined
    active.forEach((visit, index) => {
      if (visit(node) === false) inside ??= active.slice(0, index)
      else inside?.push(visit)
    })
    const next = inside ?? active
    if (next.length === 0) return
    ancestors.push(schema)
    for (const [child, childPath] of children(schema, at)) {
      if (skip === undefined || !skip(child)) enter(child, childPath, next)
    }
    ancestors.pop()
  }
  enter(root, path, visitors)
}

/** Visits every distinct schema object inside `root` (itself included) once, in no useful order: for facts that need no path. */
export function eachSchemaOnce(root: TSchema, visit: (schema: TSchema) => void): void {
  const seen = new Set<TSchema>()
  const stack = [root]
  for (let schema = stack.pop(); schema !== undefined; schema = stack.pop()) {
    if (seen.has(schema)) continue
    seen.add(schema)
    visit(schema)
    for (const [child] of children(schema, '')) stack.push(child)
  }
}

/** The direct sub-schemas of a schema, with their paths. Only JSON-carrying kinds are entered. */
function children(schema: TSchema, path: string): [TSchema, string][] {
  const s = schema as Record<string, unknown>
  const found: [TSchema, string][] = []
  const add = (value: unknown, at: string) => {
    if (isSchema(value)) found.push([value, at])
  }
  switch (kindOf(schema)) {
    case 'Object':
      for (const [name, value] of Object.entries(record(s['properties']))) add(value, joinPath(path, name))
      add(s['additionalProperties'], `${path}{}`)
      break
    case 'Record':
      for (const value of Object.values(record(s['patternProperties']))) add(value, `${path}{}`)
      add(s['additionalProperties'], `${path}{}`)
      break
    case 'Array':
      add(s['items'], `${path}[]`)
      break
    case 'Tuple':
      if (Array.isArray(s['items'])) s['items'].forEach((item, index) => add(item, `${path}[${index}]`))
      break
    case 'Union':
      for (const variant of list(s['anyOf'])) add(variant, path)
      break
    case 'Intersect':
      for (const part of list(s['allOf'])) add(part, path)
      add(s['unevaluatedProperties'], `${path}{}`)
      break
    case 'Not':
      add(s['not'], path)
      break
  }
  return found
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? value as Record<string, unknown> : {}
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
