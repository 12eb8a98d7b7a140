import type { TSchema } from '@sinclair/typebox'
import type { GenModel, GeneratedFile, ServiceModel } from '../model/model.js'
import { cleanPlan } from './cleaner-code.js'
import { coercionCode } from './coercion-code.js'
import { anyRefs, collectReferences, createCodeUnit, inFrame, orderDeclarations, useHelper } from './code-unit.js'
import type { CodeUnit } from './code-unit.js'
import { acceptsAnything, collectorFor } from './error-code.js'
import { memoize } from './emit-cache.js'
import { generatedFile } from './header.js'
import { shapeCheckFor } from './shape-check-code.js'
import { serviceTypeNames } from './type-names.js'
import { checkFor } from './validator-code.js'

/** `Messages` → `messages`: the prefix of a service's bundle in validators.ts. */
export function validatorsExportName(service: ServiceModel): string {
  return `${service.pascal.charAt(0).toLowerCase()}${service.pascal.slice(1)}Validators`
}

/** Every schema a service validates or cleans by. */
function serviceSchemas(service: ServiceModel): TSchema[] {
  return [service.id, service.result, service.query, ...(service.data === undefined ? [] : [service.data]),
    ...(service.patch === undefined ? [] : [service.patch]),
    ...service.custom.flatMap((method) => [method.data, method.result]), ...service.events.map((event) => event.schema)]
}

/** `export const name: Validator<T> = createValidator<T>(check, collect)`. */
function validator(unit: CodeUnit, exportName: string, typeName: string, schema: TSchema): string {
  const check = checkFor(unit, schema)
  const collect = acceptsAnything(schema) ? '(): void => {}' : collectorFor(unit, schema)
  return `/** Validates a \`${typeName}\`. */\nexport const ${exportName}: Validator<${typeName}> = createValidator<${typeName}>(${check}, ${collect})`
}

/**
 * `export const name: Cleaner = …`: the schema's cleaner behind `failClosed`, which checks the
 * cleaned value's shape, so the export returns a value of the schema's shape or `undefined`
 * (see cleaner-code.ts and shape-check-code.ts).
 */
function cleaner(unit: CodeUnit, exportName: string, what: string, schema: TSchema): string {
  const plan = cleanPlan(unit, schema)
  let value = '(value: unknown): unknown => value'
  if (plan.kind === 'drop') value = '(): unknown => undefined'
  if (plan.kind === 'leaf' || plan.kind === 'call') {
    useHelper(unit, 'failClosed')
    value = `failClosed(${plan.kind === 'leaf' ? 'cleanLeaf' : plan.name}, ${shapeCheckFor(unit, schema)})`
  }
  return `/** Reduces ${what} to what its schema declares; \`undefined\` when it cannot be cleaned to it. */\nexport const ${exportName}: Cleaner = ${value}`
}

/**
 * The exports of one service, reused while its schemas (by identity) and names are the same: a
 * `--watch` run rebuilds the service models, not the schemas of modules that did not change.
 */
function cachedServiceExports(unit: CodeUnit, service: ServiceModel, hasConnection: boolean): { exports: string[]; types: string[] } {
  const names = JSON.stringify([service.path, service.pascal, hasConnection, service.data !== undefined, service.patch !== undefined,
    service.custom.map((method) => [method.name, method.pascal]), service.events.map((event) => [event.name, event.pascal])])
  return memoize(unit, `service:${names}`, service.result, () => serviceExports(unit, service, hasConnection), serviceSchemas(service))
}

/** The exports of one service and its `ServiceValidators` bundle. */
function serviceExports(unit: CodeUnit, service: ServiceModel, hasConnection: boolean): { exports: string[]; types: string[] } {
  const names = serviceTypeNames(service)
  const p = service.pascal
  const exports: string[] = []
  const types = [names.id, names.result, names.query]
  // Ids of transport calls are checked against the `id` schema (SPEC §8).
  const bundle: string[] = [`id: validate${p}Id`]
  exports.push(validator(unit, `validate${p}Id`, names.id, service.id))
  if (service.data !== undefined && names.data !== undefined) {
    exports.push(validator(unit, `validate${p}Data`, names.data, service.data))
    types.push(names.data)
    bundle.push(`data: validate${p}Data`)
  }
  if (service.patch !== undefined && names.patch !== undefined) {
    exports.push(validator(unit, `validate${p}Patch`, names.patch, service.patch))
    types.push(names.patch)
    bundle.push(`patch: validate${p}Patch`)
  }
  exports.push(validator(unit, `validate${p}Query`, names.query, service.query))
  exports.push(validator(unit, `validate${p}Result`, names.result, service.result))
  exports.push(cleaner(unit, `clean${p}Result`, `a \`${names.result}\``, service.result))
  bundle.push(`query: validate${p}Query`, `result: validate${p}Result`, `clean: clean${p}Result`)
  const custom: string[] = []
  for (const method of service.custom) {
    const [data, result] = [names.customData(method), names.customResult(method)]
    const base = `${p}${method.pascal}`
    exports.push(validator(unit, `validate${base}Data`, data, method.data), validator(unit, `validate${base}Result`, result, method.result),
      cleaner(unit, `clean${base}Result`, `a \`${result}\``, method.result))
    types.push(data, result)
    custom.push(`${JSON.stringify(method.name)}: { data: validate${base}Data, result: validate${base}Result, clean: clean${base}Result }`)
  }
  const events: string[] = []
  for (const event of service.events) {
    const type = names.event(event)
    exports.push(cleaner(unit, `clean${p}${event.pascal}Event`, `a \`${type}\` payload`, event.schema))
    events.push(`${JSON.stringify(event.name)}: clean${p}${event.pascal}Event`)
  }
  bundle.push(`custom: { ${custom.join(', ')} }`, `events: { ${events.join(', ')} }`)
  // REST query strings and ids: how each place is converted before validation (plain data).
  const coercion = coercionCode(unit, service)
  if (coercion !== undefined) bundle.push(coercion)
  if (hasConnection) bundle.push('connection: cleanConnection')
  exports.push(`/** Everything \`registerServices\` needs to validate and clean \`${service.path}\`. */\nexport const ${validatorsExportName(service)}: ServiceValidators = {\n  ${bundle.join(',\n  ')},\n}`)
  return { exports, types }
}

/**
 * `validators.ts`: validators for every data, patch, query, custom data and result schema (a
 * TypeBox-generated check plus a generated error collector for the failure path) and cleaners for
 * results and event payloads — all plain code, compiled here, so the server compiles nothing.
 */
export function emitValidators(model: GenModel): GeneratedFile {
  // Named schemas are roots too: a `Type.Ref` names its target without containing it.
  const connection = model.connection?.schema
  const roots = [...model.schemas.map((named) => named.schema), ...model.services.flatMap(serviceSchemas), ...(connection === undefined ? [] : [connection])]
  const unit = createCodeUnit(collectReferences(roots), anyRefs(roots))
  // Everything the exports refer to is recorded in one frame: the file holds exactly that.
  const { value: { perService, connectionExport }, frame } = inFrame(unit, () => ({
    perService: model.services.map((service) => cachedServiceExports(unit, service, connection !== undefined)),
    // The connection's declared fields are what crosses a broker (feathers-sync) with an event's params.
    connectionExport: connection === undefined ? [] : [cleaner(unit, 'cleanConnection', 'a `Connection`', connection)],
  }))
  const { declarations, helpers } = orderDeclarations(frame.deps)
  const values = ['createValidator', ...frame.helpers, ...helpers].filter((name, index, all) => all.indexOf(name) === index).sort()
  // Collectors take a `ValidationFailure[]`; coercion plans are typed `CoercionPlan`.
  const typeImports = ['Cleaner', 'ServiceValidators', 'Validator', ...(declarations.some((d) => d.name.startsWith('collect_')) ? ['ValidationFailure'] : []),
    ...(declarations.some((d) => d.name.startsWith('coerce_')) ? ['CoercionPlan'] : [])].sort()
  const types = [...new Set(perService.flatMap((entry) => entry.types))].sort()
  const body = [
    '// Checks (`check_<hash>`) are TypeBox 0.34 generated code; error collectors (`collect_<hash>`, run',
    '// when a check fails) and result cleaners (`clean_<hash>`) are generated by feathers-sio-gen, each',
    '// named by a hash of its content. Nothing here compiles or evaluates code at run time.',
    `import { ${values.join(', ')} } from 'feathers-sio-gen-runtime/server'`,
    `import type { ${typeImports.join(', ')} } from 'feathers-sio-gen-runtime/server'`,
    ...(types.length > 0 ? [`import type { ${types.join(', ')} } from './types.js'`] : []),
    '',
  ]
  // Each part followed by an empty line; the declarations' texts are joined as they are kept.
  for (const declaration of declarations) body.push(declaration.text, '')
  for (const text of connectionExport) body.push(text, '')
  for (const entry of perService) for (const text of entry.exports) body.push(text, '')
  return generatedFile('validators.ts', body)
}
