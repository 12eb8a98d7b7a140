import { dataFields, queryFields, typeMembers, typeOf } from './field-code.js'
import type { ServiceSpec } from './synthesize-services.js'

// A union element type needs parentheses before `[]` (`('a' | 'b')[]`, not `'a' | 'b'[]`).
const listOf = (t: string) => (t.includes(' | ') ? `(${t})[]` : `${t}[]`)
const operators = (t: string) => `{ $gt?: ${t}; $gte?: ${t}; $lt?: ${t}; $lte?: ${t}; $ne?: ${t}; $in?: ${listOf(t)}; $nin?: ${listOf(t)} }`

/** Hand-written plain interfaces for one service: the floor of type-check cost. */
export function emitPlainTypes(spec: ServiceSpec): string {
  const r = spec.record
  const query = queryFields(spec)
  const keys = query.map((f) => `'${f.name}'`).join(' | ')
  return [
    `export interface ${r} { id: number; ${typeMembers(spec.fields)} }`,
    `export interface ${r}Input { ${typeMembers(dataFields(spec))} }`,
    `export interface ${r}Patch { ${typeMembers(dataFields(spec).map((f) => ({ ...f, optional: true })))} }`,
    `export interface ${r}Filter { ${query.map((f) => `${f.name}?: ${typeOf(f)} | ${operators(typeOf(f))}`).join('; ')} }`,
    `export interface ${r}Query extends ${r}Filter {`,
    '  $limit?: number; $skip?: number',
    `  $sort?: { ${query.map((f) => `${f.name}?: 1 | -1`).join('; ')} }`,
    `  $select?: (${keys})[]`,
    `  $or?: ${r}Filter[]; $and?: ${r}Filter[]`,
    '}',
    '',
  ].join('\n')
}

/** The plain project: per-service type files and a hand-written client interface over them. */
export function emitPlainProject(specs: readonly ServiceSpec[]): Record<string, string> {
  const files: Record<string, string> = {}
  for (const spec of specs) files[`types/${spec.path}.ts`] = emitPlainTypes(spec)
  files['api.ts'] = [
    ...specs.map((s) => `import type { ${s.record}, ${s.record}Input, ${s.record}Patch, ${s.record}Query } from './types/${s.path}.js'`),
    '',
    '/** What a hand-written client of one service looks like. */',
    'export interface ServiceClient<R, D, P, Q> {',
    '  find(params?: { query?: Q }): Promise<R[]>',
    '  get(id: number, params?: { query?: Q }): Promise<R>',
    '  create(data: D, params?: { query?: Q }): Promise<R>',
    '  patch(id: number, data: P, params?: { query?: Q }): Promise<R>',
    '  remove(id: number, params?: { query?: Q }): Promise<R>',
    '}',
    '',
    'export interface Services {',
    ...specs.map((s) => `  '${s.path}': ServiceClient<${s.record}, ${s.record}Input, ${s.record}Patch, ${s.record}Query>`),
    '}',
    '',
    'export interface Client { service<P extends keyof Services>(path: P): Services[P] }',
    '',
  ].join('\n')
  return files
}
