import type { TSchema } from '@sinclair/typebox'
import type { GenModel, GeneratedFile } from '../model/model.js'
import { generatedFile } from './header.js'
import { planModelTypes } from './model-type-plan.js'
import type { TypeNamePlan, TypeRoot } from './plan-type-names.js'
import { createDeclarationPrinter } from './declaration-cache.js'
import { declarationLines, printDeclaration } from './print-declarations.js'
import type { Declaration, PrintedDeclaration } from './print-declarations.js'
import { isQueryFilter, schemaKind } from './schema-reflect.js'
import { serviceTypesInterface } from './service-types-interface.js'
import { declarationMembers, declarationType } from './type-expression.js'
import type { TypeMember } from './type-expression.js'
import { docText } from './ts-syntax.js'

const printed = (declaration: Declaration): PrintedDeclaration =>
  ({ interface: declaration.kind === 'interface', text: printDeclaration(declaration) })

type DeclarationPrinter = ReturnType<typeof createDeclarationPrinter>

const sameMember = (a: TypeMember, b: TypeMember): boolean =>
  a.name === b.name && a.type === b.type && a.optional === b.optional && a.readonly === b.readonly && a.description === b.description

/**
 * A querySyntax query repeats every member of the filter its `$or` lists: it extends that filter's
 * interface instead, so types.ts and a consumer's type checker hold each filter property once.
 */
function filterBase(schema: TSchema, members: TypeMember[], plan: TypeNamePlan): { name: string; members: Set<string> } | undefined {
  const or = (schema as TSchema & { properties?: Record<string, TSchema> }).properties?.['$or'] as (TSchema & { items?: TSchema }) | undefined
  const filter = or?.items
  if (filter === undefined || !isQueryFilter(filter)) return undefined
  const name = plan.nameOf(filter)
  if (name === undefined) return undefined
  const inherited = declarationMembers(filter, name, plan)
  const own = new Map(members.map((member) => [member.name, member]))
  if (inherited.length === 0 || !inherited.every((member) => own.has(member.name) && sameMember(own.get(member.name)!, member))) return undefined
  return { name, members: new Set(inherited.map((member) => member.name)) }
}

/** `export interface Name { … }` for an object schema, `export type Name = …` for anything else. */
function declare(root: TypeRoot, plan: TypeNamePlan): Declaration {
  const { name, schema } = root
  if (schemaKind(schema) === 'Object') {
    const members = declarationMembers(schema, name, plan)
    const base = filterBase(schema, members, plan)
    return {
      kind: 'interface', name, docs: docText(schema.description),
      ...(base === undefined ? {} : { extends: [base.name] }),
      properties: members.filter((member) => !base?.members.has(member.name)).map((member) => ({
        name: member.name, type: member.type, optional: member.optional, readonly: member.readonly,
        docs: docText(member.description),
      })),
    }
  }
  return { kind: 'type', name, docs: docText(schema.description), type: declarationType(schema, name, plan) }
}

/**
 * A root that a name already covers: a named schema (or one exported twice) becomes an alias of
 * its name, and one declared under this very name is skipped; anything else is declared here.
 * Throws when two different schemas claim one name.
 */
function declareRoot(root: TypeRoot, plan: TypeNamePlan, print: DeclarationPrinter, declared: Set<string>): PrintedDeclaration | undefined {
  const name = plan.nameOf(root.schema)
  if (name === root.name && declared.has(name)) return undefined
  // The model reports clashing type names with their files; reaching here with one is a bug.
  if (declared.has(root.name)) throw new Error(`types.ts: the type name '${root.name}' would be declared twice`)
  declared.add(root.name)
  if (name === undefined || name === root.name) return print(root, declare)
  // What the printer writes for an alias without docs of a single-line type.
  return { interface: false, text: `export type ${root.name} = ${name};` }
}

const PAGINATED = printed({
  kind: 'interface', name: 'Paginated', typeParameters: ['T'],
  docs: 'What `find` resolves to on a service with `paginate: true`.',
  properties: [
    { name: 'total', type: 'number' }, { name: 'limit', type: 'number' },
    { name: 'skip', type: 'number' }, { name: 'data', type: 'T[]' },
  ],
})

// querySyntax's standard operators on a property of type T; `typeExpression` writes them by name.
const QUERY_OPERATORS = printed({
  kind: 'interface', name: 'QueryOperators', typeParameters: ['T'],
  docs: 'The standard query operators on a property of type `T` (see `querySyntax`).',
  properties: [
    { name: '$gt', type: 'T', optional: true }, { name: '$gte', type: 'T', optional: true },
    { name: '$lt', type: 'T', optional: true }, { name: '$lte', type: 'T', optional: true },
    { name: '$ne', type: 'T', optional: true },
    { name: '$in', type: 'T[]', optional: true }, { name: '$nin', type: 'T[]', optional: true },
  ],
})

const NO_CONNECTION = printed({ kind: 'interface', name: 'Connection', docs: 'No `defineConnection` in the schemas.', properties: [] })

/**
 * `types.ts`: a plain TypeScript type for every named schema (equal to its `Static`), recursive
 * schemas hoisted under stable names, `Paginated<T>`, `QueryOperators<T>`, `Connection`, the per-service type names
 * of `serviceTypeNames`, and `ServiceTypes`. Deterministic; no TypeBox in the output. In `--watch`
 * the work for schema objects the last run saw is reused while what it read still holds, so the
 * output always equals a cold run's (`generate` starts each run; `clearSchemaMemos` forgets it all).
 */
export function emitTypes(model: GenModel): GeneratedFile {
  const { named, connection, services, plan } = planModelTypes(model)

  const print = createDeclarationPrinter(plan)
  const declared = new Set<string>()
  const statements: PrintedDeclaration[] = []
  const push = (declaration: PrintedDeclaration | undefined) => {
    if (declaration !== undefined) statements.push(declaration)
  }
  for (const root of named) push(declareRoot(root, plan, print, declared))
  for (const root of plan.hoisted) push(print(root, declare))
  push(PAGINATED)
  push(QUERY_OPERATORS)
  push(connection === undefined ? NO_CONNECTION : declareRoot(connection, plan, print, declared))
  for (const { roots } of services) for (const root of roots) push(declareRoot(root, plan, print, declared))

  const body = [...declarationLines(statements), '', serviceTypesInterface(services.map((entry) => entry.service))]
  return generatedFile('types.ts', body, { unchecked: true })
}
