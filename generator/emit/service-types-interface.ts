import type { ServiceModel } from '../model/model.js'
import { createRunMemo } from '../memo/schema-memo.js'
import { propertyName, quoteString } from './ts-syntax.js'
import { serviceTypeNames } from './type-names.js'

// The model keeps an unchanged service's model object between --watch runs: its entry is kept too.
const entryByService = createRunMemo<string, ServiceModel>()

const union = (names: readonly string[]): string => names.map(quoteString).join(' | ')

/**
 * The members of one service's entry in `ServiceTypes`, over the per-service type names, e.g.
 * `id: MessagesId`, `result: MessagesResult`, …, `methods: 'find' | 'get'`, `paginate: true`.
 * Optional parts (data, patch, paginate, multi, custom, events) appear only when the service has them.
 */
function serviceTypesEntry(service: ServiceModel): string[] {
  const names = serviceTypeNames(service)
  const lines = [`id: ${names.id}`, `result: ${names.result}`]
  if (names.data !== undefined) lines.push(`data: ${names.data}`)
  if (names.patch !== undefined) lines.push(`patch: ${names.patch}`)
  lines.push(`query: ${names.query}`)
  lines.push(`methods: ${service.methods.length === 0 ? 'never' : union(service.methods)}`)
  if (service.paginate) lines.push('paginate: true')
  if (service.multi.length > 0) lines.push(`multi: ${union(service.multi)}`)
  if (service.routeParams.length > 0) lines.push(`route: { ${service.routeParams.map((param) => `${propertyName(param)}: string`).join('; ')} }`)
  if (service.custom.length > 0) {
    const custom = service.custom.map((method) =>
      `${propertyName(method.name)}: { data: ${names.customData(method)}; result: ${names.customResult(method)} }`)
    lines.push(`custom: { ${custom.join('; ')} }`)
  }
  if (service.events.length > 0) {
    lines.push(`events: { ${service.events.map((event) => `${propertyName(event.name)}: ${names.event(event)}`).join('; ')} }`)
  }
  return lines
}

/**
 * `export interface ServiceTypes`, every service by path. Written as text: its members' types are
 * multi-line object types that the declaration printer would indent one level deeper.
 */
export function serviceTypesInterface(services: readonly ServiceModel[]): string {
  const entries = services.map((service) => entryByService.use(service, () =>
    `  ${quoteString(service.path)}: {\n${serviceTypesEntry(service).map((line) => `    ${line};\n`).join('')}  };\n`))
  return `/** Every service by path: its type names, methods and options. */\nexport interface ServiceTypes {\n${entries.join('')}}\n`
}
