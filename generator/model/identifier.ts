const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** True for a JavaScript identifier (ASCII): what a method, event or placeholder name must be. */
export function isIdentifier(name: string): boolean {
  return identifier.test(name)
}

/** A JSON path segment for a property: `.name`, or `["first-name"]` when it is not an identifier. */
export function propertySegment(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${JSON.stringify(name)}]`
}

/** Joins a path and a property: `data` + `createdAt` → `data.createdAt`; `` + `id` → `id`. */
export function joinPath(path: string, name: string): string {
  const segment = propertySegment(name)
  return path === '' && segment.startsWith('.') ? segment.slice(1) : path + segment
}
