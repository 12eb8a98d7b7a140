import { quoteString } from './ts-syntax.js'

// TypeBox keeps only a regular expression of a template literal at run time (`^on(A|B)$`), built
// from fixed pieces: escaped literal text, `(a|b)` unions, and one group per infinite kind. This
// reads that grammar back into a TypeScript template literal type; anything else is not ours.

const ATOMS: ReadonlyArray<readonly [string, string]> = [
  ['(.*)', 'string'],
  ['(0|[1-9][0-9]*)', 'number'],
  ['(true|false)', 'boolean'],
  ['(?!.*)', 'never'],
]

type Part = { text: string } | { type: string }
interface Parsed { parts: Part[]; infinite: boolean }

/** Escapes text for the inside of a backquoted template literal type. */
function escapeTemplate(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/[`$]/g, '\\$&')
}

/** Writes a parsed sequence as a type: a quoted literal when it has no holes. */
function sequenceType(parsed: Parsed): string {
  if (parsed.parts.every((part) => 'text' in part)) {
    const text = parsed.parts.map((part) => ('text' in part ? part.text : '')).join('')
    return quoteString(text)
  }
  return `\`${parsed.parts.map((part) => ('text' in part ? escapeTemplate(part.text) : `\${${part.type}}`)).join('')}\``
}

/** A recursive-descent reader of the pattern grammar; throws on anything outside it. */
function parseSequence(pattern: string, start: number, inGroup: boolean): { parsed: Parsed; end: number } {
  const parts: Part[] = []
  let infinite = false
  let i = start
  const pushText = (char: string) => {
    const last = parts[parts.length - 1]
    if (last !== undefined && 'text' in last) last.text += char
    else parts.push({ text: char })
  }
  while (i < pattern.length) {
    const char = pattern[i] as string
    if (inGroup && (char === '|' || char === ')')) break
    if (char === '\\') {
      pushText(pattern[i + 1] ?? '')
      i += 2
      continue
    }
    if (char === '(') {
      const atom = ATOMS.find(([source]) => pattern.startsWith(source, i))
      if (atom !== undefined) {
        parts.push({ type: atom[1] })
        infinite ||= atom[1] !== 'boolean' && atom[1] !== 'never'
        i += atom[0].length
        continue
      }
      const alternatives: string[] = []
      i += 1
      for (;;) {
        const { parsed, end } = parseSequence(pattern, i, true)
        // Inside a hole a lone `${number}` is just `number`; at the top it must stay a string type.
        const only = parsed.parts.length === 1 ? parsed.parts[0] : undefined
        alternatives.push(only !== undefined && 'type' in only ? only.type : sequenceType(parsed))
        infinite ||= parsed.infinite
        i = end + 1
        if (pattern[end] === ')') break
        if (pattern[end] !== '|') throw new Error('unclosed group')
      }
      parts.push({ type: alternatives.join(' | ') })
      continue
    }
    if ('.*+?^${}[]|)'.includes(char)) throw new Error(`unexpected ${char}`)
    pushText(char)
    i += 1
  }
  return { parsed: { parts, infinite }, end: i }
}

/**
 * The TypeScript type of a TypeBox template literal pattern (`^on(A|B)$` → `` `on${'A' | 'B'}` ``),
 * with whether it admits infinitely many strings; undefined when the pattern is not one TypeBox
 * builds for a template literal (e.g. a hand-written `Type.String({ pattern })`).
 */
export function templateLiteralType(pattern: string): { type: string; infinite: boolean } | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return undefined
  const body = pattern.slice(1, -1)
  try {
    const { parsed, end } = parseSequence(body, 0, false)
    if (end !== body.length) return undefined
    return { type: sequenceType(parsed), infinite: parsed.infinite }
  } catch {
    return undefined
  }
}
