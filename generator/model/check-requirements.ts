import { MULTI_METHODS, partialable } from './apply-defaults.js'
import type { Where } from './check-json-safe.js'
import { describeValue } from './describe-value.js'
import type { Diagnostic } from './model.js'
import { isRecursive, isSchema, kindOf } from './typebox-kind.js'
import type { TSchema } from '@sinclair/typebox'

/**
 * What the listed methods require of the rest of the definition: `data` for create and
 * update, `patch` or `data` for patch, `multi` naming only listed create/patch/remove, an object
 * `query`, and an `id` that is a string or a number.
 */
export function checkRequirements(definition: Readonly<Record<string, unknown>>, where: Where): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = (path: string, message: string) => diagnostics.push({ ...where, path, message })
  const methods: unknown[] = Array.isArray(definition['methods']) ? definition['methods'] : []
  const { data, patch, query, id, multi } = definition
  const needData = (['create', 'update'] as const).filter((method) => methods.includes(method))
  if (needData.length > 0 && data === undefined) {
    const listed = needData.map((method) => `'${method}'`).join(' and ')
    report('data', `${listed} ${needData.length > 1 ? 'are' : 'is'} listed but \`data\` is missing; `
      + 'add data: Type.Object({ … }) (what create and update accept)')
  }
  if (methods.includes('patch') && patch === undefined) {
    if (data === undefined) {
      report('patch', "'patch' is listed but neither `patch` nor `data` is given; add patch: Type.Object({ … }) "
        + '(it defaults to Partial(data) when data is given)')
    } else if (isSchema(data) && !partialable(data)) {
      report('patch', `'patch' is listed without \`patch\`, and its default Partial(data) can't be built from `
        + `${isRecursive(data) ? 'a Type.Recursive' : describeValue(data)}; add patch: Type.Object({ … })`)
    }
  }
  if (Array.isArray(multi)) {
    const seen = new Set<unknown>()
    multi.forEach((method: unknown, index) => {
      const at = `multi[${index}]`
      if (!(MULTI_METHODS as readonly unknown[]).includes(method)) {
        report(at, `multi may name only 'create', 'patch' or 'remove', not ${describeValue(method)}`)
      } else if (!methods.includes(method)) {
        report(at, `multi names '${String(method)}', which is not in \`methods\`; list it there or drop it from multi`)
      } else if (seen.has(method)) {
        report(at, `multi names '${String(method)}' twice; name it once`)
      }
      seen.add(method)
    })
  }
  if (isSchema(query) && kindOf(query) !== 'Object') {
    report('query', `\`query\` must be an object schema (Type.Object({ … }) or querySyntax(…)), got ${describeValue(query)}`)
  }
  if (isSchema(id) && !idLike(id)) {
    report('id', `\`id\` must be a string or number schema (Type.String(), Type.Integer(), Type.Number(), `
      + `or a literal or union of those), got ${describeValue(id)}`)
  }
  return diagnostics
}

/** True for what can travel as a Feathers id: strings and numbers, as literals or unions of those. */
function idLike(schema: TSchema): boolean {
  switch (kindOf(schema)) {
    case 'String': case 'Number': case 'Integer': case 'TemplateLiteral':
      return true
    case 'Literal': {
      const value = (schema as { const?: unknown }).const
      return typeof value === 'string' || typeof value === 'number'
    }
    case 'Union': {
      const variants = (schema as { anyOf?: unknown }).anyOf
      return Array.isArray(variants) && variants.length > 0 && variants.every((variant) => isSchema(variant) && idLike(variant))
    }
    default:
      return false
  }
}
