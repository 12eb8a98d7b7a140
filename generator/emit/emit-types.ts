import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind } from 'ts-morph'
import type { InterfaceDeclarationStructure, TypeAliasDeclarationStructure } from 'ts-morph'
import type { GenModel, GeneratedFile } from '../model/model.js'
import { withHeader } from './header.js'
import { planModelTypes } from './model-type-plan.js'
import type { TypeNamePlan, TypeRoot } from './plan-type-names.js'
import { schemaKind } from './schema-reflect.js'
import { serviceTypesInterface } from './service-types-interface.js'
import { declarationMembers, declarationType } from './type-expression.js'
import { docText } from './ts-syntax.js'

type Declaration = InterfaceDeclarationStructure | TypeAliasDeclarationStructure

/** `docs` for a structure: a schema's description, when it has one. */
function docs(description: unknown): string[] {
  const text = docText(description)
  return text === undefined ? [] : [text]
}

/** `export interface Name { … }` for an object schema, `export type Name = …` for anything else. */
function declare(root: TypeRoot, plan: TypeNamePlan): Declaration {
  const { name, schema } = root
  if (schemaKind(schema) === 'Object') {
    return {
      kind: StructureKind.Interface, name, isExported: true, docs: docs(schema.description),
      properties: declarationMembers(schema, name, plan).map((member) => ({
        name: member.name, type: member.type, hasQuestionToken: member.optional, isReadonly: member.readonly,
        docs: docs(member.description),
      })),
    }
  }
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs: docs(schema.description), type: declarationType(schema, name, plan) }
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

/**
 * `types.ts`: a plain TypeScript type for every named schema (equal to its `Static`), recursive
 * schemas hoisted under stable names, `Paginated<T>`, `Connection`, the per-service type names
 * of `serviceTypeNames`, and `ServiceTypes`. Pure and deterministic; no TypeBox in the output.
 */
export function emitTypes(model: GenModel): GeneratedFile {
  const { named, connection, services, plan } = planModelTypes(model)

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
  for (const { roots } of services) for (const root of roots) push(declareRoot(root, plan, declared))

  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single, newLineKind: NewLineKind.LineFeed },
  })
  const file = project.createSourceFile('types.ts', '')
  file.addStatements(statements)
  return { name: 'types.ts', content: withHeader(`${file.getFullText()}\n${serviceTypesInterface(services.map((entry) => entry.service))}`, { unchecked: true }) }
}
