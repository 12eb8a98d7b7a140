import type { Where } from './check-json-safe.js'
import { describeValue } from './describe-value.js'
import { isIdentifier } from './identifier.js'
import type { Diagnostic } from './model.js'
import { camelCase, pascalCase } from './pascal-case.js'

// Characters a Feathers path can carry into a socket event name (`messages created`, split on
// spaces) and into generated type names; `:` only starts a route placeholder.
const SEGMENT = /^[A-Za-z0-9_.~-]+$/

/** The problems of one service's `path` on its own (SPEC §1); clashes between services are in check-path-clashes. */
export function checkPath(path: unknown, where: Where): Diagnostic[] {
  const report = (message: string): Diagnostic => ({ ...where, path: 'path', message })
  if (typeof path !== 'string') {
    return [report(`\`path\` must be a string such as 'messages', got ${describeValue(path)}`)]
  }
  if (path.trim() === '') return [report("the service path is empty; give the service a path such as 'messages'")]
  const diagnostics: Diagnostic[] = []
  const trimmed = path.replace(/^\/+|\/+$/g, '')
  if (path.startsWith('/')) {
    diagnostics.push(report(`path '${path}' starts with a slash; write '${trimmed}' (Feathers strips it, so names would not match)`))
  }
  if (path.endsWith('/') && path.length > 1) {
    diagnostics.push(report(`path '${path}' ends with a slash; write '${trimmed}' (Feathers strips it, so names would not match)`))
  }
  if (trimmed.includes('//')) {
    diagnostics.push(report(`path '${path}' has an empty segment ('//'); write '${trimmed.replace(/\/{2,}/g, '/')}'`))
  }
  const placeholders = new Set<string>()
  for (const segment of trimmed.split('/').filter((part) => part !== '')) {
    if (segment.startsWith(':')) {
      const name = segment.slice(1)
      if (!isIdentifier(name)) {
        diagnostics.push(report(`route placeholder '${segment}' in path '${path}' is not an identifier; `
          + `use a name such as ':${camelCase(name) || 'id'}'`))
      } else if (placeholders.has(name)) {
        diagnostics.push(report(`route placeholder ':${name}' appears twice in path '${path}'; give each its own name`))
      }
      placeholders.add(name)
    } else if (!SEGMENT.test(segment)) {
      const bad = [...new Set(segment.replace(/[A-Za-z0-9_.~-]/g, ''))].map((c) => JSON.stringify(c)).join(', ')
      diagnostics.push(report(`path '${path}' contains ${bad}, which a Feathers path or Socket.io event name can't carry; `
        + "use letters, digits, '-', '_', '.' and '/', and ':' only to start a route placeholder"))
    }
  }
  const pascal = pascalCase(path)
  if (diagnostics.length === 0 && !/^[A-Za-z]/.test(pascal)) {
    diagnostics.push(report(`path '${path}' gives no valid type name ('${pascal}Result'); start the path with a letter`))
  }
  return diagnostics
}
