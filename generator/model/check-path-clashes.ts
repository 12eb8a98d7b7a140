import type { Diagnostic, ServiceModel } from './model.js'

/**
 * Paths used by two services, and different paths with the same PascalCase (whose generated
 * type names would collide). Reported on the later service, naming the earlier one's file.
 */
export function checkPathClashes(services: readonly ServiceModel[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const byPath = new Map<string, ServiceModel>()
  const byPascal = new Map<string, ServiceModel>()
  for (const service of services) {
    if (service.path === '') continue
    const report = (message: string) => diagnostics.push({ file: service.file, subject: service.path, path: 'path', message })
    const samePath = byPath.get(service.path)
    const samePascal = byPascal.get(service.pascal)
    if (samePath !== undefined) {
      report(`path '${service.path}' is used twice: by export '${samePath.exportName}' in ${samePath.file} `
        + `and by export '${service.exportName}' in ${service.file}; give each service its own path`)
    } else if (samePascal !== undefined && service.pascal !== '') {
      report(`paths '${samePascal.path}' (${samePascal.file}) and '${service.path}' (${service.file}) both give `
        + `the type name '${service.pascal}'; rename one of them`)
    }
    if (!byPath.has(service.path)) byPath.set(service.path, service)
    if (!byPascal.has(service.pascal)) byPascal.set(service.pascal, service)
  }
  return diagnostics
}
