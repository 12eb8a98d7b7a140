import type { TSchema } from '@sinclair/typebox'

/**
 * The JSON pointers of properties in `value` that `schema` does not declare (objects, arrays,
 * unions of them), so a test can say that nothing undeclared left the server. A union counts a
 * property as undeclared only when no object variant declares it.
 */
export function undeclaredKeys(schema: TSchema, value: unknown, at = ''): string[] {
  if (typeof value !== 'object' || value === null) return []
  const variants = (schema['anyOf'] as TSchema[] | undefined) ?? [schema]
  if (Array.isArray(value)) {
    const items = variants.map((variant) => variant['items'] as TSchema | undefined).find((items) => items !== undefined)
    return items === undefined ? [] : value.flatMap((item, index) => undeclaredKeys(items, item, `${at}/${index}`))
  }
  const objects = variants.filter((variant) => variant['type'] === 'object')
  if (objects.length === 0) return []
  const found: string[] = []
  for (const key of Object.keys(value)) {
    const declaring = objects.find((variant) => Object.hasOwn((variant['properties'] as object | undefined) ?? {}, key))
    if (declaring === undefined) {
      if (objects.every((variant) => variant['additionalProperties'] === false)) found.push(`${at}/${key}`)
      continue
    }
    found.push(...undeclaredKeys((declaring['properties'] as Record<string, TSchema>)[key]!, (value as Record<string, unknown>)[key], `${at}/${key}`))
  }
  return found
}
