/** A single-quoted TypeScript string literal for any string (quotes, backslashes, controls escaped). */
export function quoteString(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")
  return `'${escaped}'`
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A property name as it may be written in a type: bare when it is an identifier, quoted otherwise. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : quoteString(name)
}

/** The text of a doc comment, safe inside `/** … *\/` (a `*\/` in a description would end it early). */
export function docText(description: unknown): string | undefined {
  if (typeof description !== 'string' || description.trim() === '') return undefined
  return description.trim().replace(/\*\//g, '*\\/')
}

/** An inline doc comment for a member written as text, or nothing. */
export function inlineDoc(description: unknown): string {
  const text = docText(description)
  return text === undefined ? '' : `/** ${text.replace(/\s*\n\s*/g, ' ')} */ `
}
