import type { TSchema } from '@sinclair/typebox'
import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind } from 'ts-morph'
import type { InterfaceDeclarationStructure, TypeAliasDeclarationStructure } from 'ts-morph'
import type { GenModel, GeneratedFile, ServiceModel } from '../model/model.js'
import { withHeader } from './header.js'
import { planTypeNames } from './plan-type-names.js'
import type { TypeNamePlan, TypeRoot } from './plan-type-names.js'
import { schemaKind } from './schema-reflect.js'
import { serviceTypeRoots } from './service-type-roots.js'
import { serviceTypesEntry } from './service-types-entry.js'
import { declarationMembers, declarationType } from './type-expression.js'
import { docText, quoteString } from './ts-syntax.js'
import { RESERVED_TYPE_NAMES } from './type-names.js'

type Declaration = InterfaceDeclarationStructure | TypeAliasDeclarationStructure

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

/** `docs` for a structure: the schema's description, when it has one. */
function docs(schema: TSchema): string[] {
  const text = docText(schema.description)
  return text === undefined ? [] : [text]
}

/** `export interface Name { … }` for an object schema, `export type Name = …` for anything else. */
function declare(root: TypeRoot, plan: TypeNamePlan): Declaration {
  const { name, schema } = root
  if (schemaKind(schema) === 'Object') {
    return {
      kind: StructureKind.Interface, name, isExported: true, docs: docs(schema),
      properties: declarationMembers(schema, name, plan).map((member) => ({
        name: member.name, type: member.type, hasQuestionToken: member.optional, isReadonly: member.readonly,
        docs: member.description === undefined ? [] : [docText(member.description) ?? ''].filter((text) => text !== ''),
      })),
    }
  }
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs: docs(schema), type: declarationType(schema, name, plan) }
}

/**
 * A root that a name already covers: a named schema (or one exported twice) becomes an alias of
 * its name, and one declared under this very name is skipped; anything else is declared here.
 * Throws when two different schemas claim one name.
 */
function declareRoot(root: TypeRoot, plan: TypeNamePlan, declared: Set<string>): Declaration | undefined {
  const name = plan.nameOf(root.schema)
  if (name === root.name && declared.has(name)) return undefined
  // The model reports clashing type names with their files; reaching here with one is a bug.
  if (declared.has(root.name)) throw new Error(`types.ts: the type name '${root.name}' would be declared twice`)
  declared.add(root.name)
  if (name === undefined || name === root.name) return declare(root, plan)
  return { kind: StructureKind.TypeAlias, name: root.name, isExported: true, type: name }
}

const PAGINATED: InterfaceDeclarationStructure = {
  kind: StructureKind.Interface, name: 'Paginated', isExported: true, typeParameters: ['T'],
  docs: ['What `find` resolves to on a service with `paginate: true`.'],
  properties: [
    { name: 'total', type: 'number' }, { name: 'limit', type: 'number' },
    { name: 'skip', type: 'number' }, { name: 'data', type: 'T[]' },
  ],
}

/** `ServiceTypes`, written as text: ts-morph would indent a multi-line member type twice. */
function serviceTypes(services: readonly ServiceModel[]): string {
  const entries = services.map((service) =>
    `  ${quoteString(service.path)}: {\n${serviceTypesEntry(service).map((line) => `    ${line};\n`).join('')}  };\n`)
  return `/** Every service by path: its type names, methods and options. */\nexport interface ServiceTypes {\n${entries.join('')}}\n`
}

/**
 * `types.ts`: a plain TypeScript type for every named schema (equal to its `Static`), recursive
 * schemas hoisted under stable names, `Paginated<T>`, `Connection`, the per-service type names
 * of `serviceTypeNames`, and `ServiceTypes`. Pure and deterministic; no TypeBox in the output.
 */
export function emitTypes(model: GenModel): GeneratedFile {
  const named: TypeRoot[] = model.schemas.map(({ name, schema }) => ({ name, schema })).sort(byName)
  const services = [...model.services].sort(byPath)
  const connection: TypeRoot | undefined =
    model.connection === undefined ? undefined : { name: 'Connection', schema: model.connection.schema }
  const serviceRoots = services.map((service) => ({ service, roots: serviceTypeRoots(service) }))
  const roots = [...named, ...(connection === undefined ? [] : [connection]), ...serviceRoots.flatMap((entry) => entry.roots)]
  const plan = planTypeNames(named, roots, [...RESERVED_TYPE_NAMES, ...named.map((root) => root.name)])

  const declared = new Set<string>()
  const statements: Declaration[] = []
  const push = (declaration: Declaration | undefined) => {
    if (declaration !== undefined) statements.push(declaration)
  }
  for (const root of named) push(declareRoot(root, plan, declared))
  for (const root of plan.hoisted) push(declare(root, plan))
  statements.push(PAGINATED)
  if (connection === undefined) {
    statements.push({ kind: StructureKind.Interface, name: 'Connection', isExported: true, docs: ['No `defineConnection` in the schemas.'] })
  } else {
    push(declareRoot(connection, plan, declared))
  }
  for (const { roots: list } of serviceRoots) for (const root of list) push(declareRoot(root, plan, declared))

  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single, newLineKind: NewLineKind.LineFeed },
  })
  const file = project.createSourceFile('types.ts', '')
  file.addStatements(statements)
  return { name: 'types.ts', content: withHeader(`${file.getFullText()}\n${serviceTypes(services)}`) }
}
