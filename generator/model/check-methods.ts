import { STANDARD_METHODS } from './apply-defaults.js'
import type { Where } from './check-json-safe.js'
import { didYouMean } from './closest-name.js'
import { describeValue } from './describe-value.js'
import type { Diagnostic } from './model.js'

const LIST = STANDARD_METHODS.join(', ')

/** The problems of `methods`: not an array, empty, unknown or repeated names (JS users get no type check). */
export function checkMethods(methods: unknown, where: Where): Diagnostic[] {
  const report = (path: string, message: string): Diagnostic => ({ ...where, path, message })
  if (methods === undefined) {
    return [report('methods', `missing \`methods\`; list the standard methods the service offers, e.g. methods: ['find', 'get']`)]
  }
  if (!Array.isArray(methods)) {
    return [report('methods', `\`methods\` must be an array of standard method names such as ['find', 'get'], got ${describeValue(methods)}`)]
  }
  if (methods.length === 0) {
    return [report('methods', `\`methods\` is empty; list at least one of ${LIST}`)]
  }
  const diagnostics: Diagnostic[] = []
  const seen = new Set<unknown>()
  methods.forEach((method: unknown, index) => {
    const at = `methods[${index}]`
    if (typeof method !== 'string') {
      diagnostics.push(report(at, `a method name must be a string such as 'find', got ${describeValue(method)}`))
    } else if (!(STANDARD_METHODS as readonly string[]).includes(method)) {
      diagnostics.push(report(at, `unknown method '${method}';${didYouMean(method, STANDARD_METHODS)} `
        + `standard methods are ${LIST} (declare others under \`custom\`)`))
    } else if (seen.has(method)) {
      diagnostics.push(report(at, `method '${method}' is listed twice; list it once`))
    }
    seen.add(method)
  })
  return diagnostics
}
