import { STANDARD_METHODS } from './apply-defaults.js'
import type { Where } from './check-json-safe.js'
import { isIdentifier, joinPath } from './identifier.js'
import type { Diagnostic } from './model.js'
import { camelCase, pascalCase } from './pascal-case.js'
import { CLIENT_SERVICE_NAMES, PROTECTED_NAMES } from './protected-names.js'

// The events Feathers sends for the standard methods.
const STANDARD_EVENTS: Readonly<Record<string, string>> = {
  created: 'create', updated: 'update', patched: 'patch', removed: 'remove',
}

/**
 * The problems of custom method and event names: not identifiers, protected by Feathers, or
 * colliding with another name of the same service (a standard method or event, a custom method,
 * or one whose PascalCase, used in type names, is the same).
 */
export function checkNames(customNames: readonly string[], eventNames: readonly string[], where: Where): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = (path: string, message: string) => diagnostics.push({ ...where, path, message })
  const check = (what: string, name: string, path: string): boolean => {
    if (!isIdentifier(name)) {
      const suggestion = camelCase(name)
      report(path, `${what} name '${name}' is not an identifier${suggestion === '' ? '' : `; use a name such as '${suggestion}'`}`)
      return false
    }
    if (PROTECTED_NAMES.has(name)) {
      report(path, `${what} name '${name}' is protected by Feathers (its hook, event and object API); rename it`)
      return false
    }
    if (!/^[A-Za-z]/.test(pascalCase(name))) {
      report(path, `${what} name '${name}' gives no type name (PascalCase '${pascalCase(name)}'); start it with a letter`)
      return false
    }
    return true
  }
  const customPascal = new Map<string, string>()
  for (const name of customNames) {
    const path = joinPath('custom', name)
    if (!check('custom method', name, path)) continue
    if ((STANDARD_METHODS as readonly string[]).includes(name)) {
      report(path, `custom method '${name}' has the name of a standard method; list '${name}' in \`methods\` instead, or rename it`)
      continue
    }
    if (CLIENT_SERVICE_NAMES.has(name) || name.startsWith('_')) {
      report(path, `custom method name '${name}' is taken by the Feathers Socket.io client service `
        + `(${[...CLIENT_SERVICE_NAMES].join(', ')} and names starting with '_'); rename it`)
      continue
    }
    const twin = customPascal.get(pascalCase(name))
    if (twin !== undefined) report(path, `custom methods '${twin}' and '${name}' give the same type names (${pascalCase(name)}); rename one`)
    else customPascal.set(pascalCase(name), name)
  }
  const eventPascal = new Map<string, string>()
  for (const name of eventNames) {
    const path = joinPath('events', name)
    if (!check('event', name, path)) continue
    const method = STANDARD_EVENTS[name]
    if (method !== undefined) {
      report(path, `event '${name}' is the standard event Feathers sends after ${method}; rename the custom event`)
      continue
    }
    if (customNames.includes(name)) {
      report(path, `event '${name}' has the same name as a custom method of this service; rename one`)
      continue
    }
    const twin = eventPascal.get(pascalCase(name))
    if (twin !== undefined) report(path, `events '${twin}' and '${name}' give the same type name (${pascalCase(name)}Event); rename one`)
    else eventPascal.set(pascalCase(name), name)
  }
  return diagnostics
}
