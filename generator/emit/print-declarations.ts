// A printer for the few declaration shapes `types.ts` needs, in place of ts-morph (which loaded
// TypeScript and cost most of a cold run). It writes what ts-morph's printer wrote, byte for byte:
// two-space indentation, `;` after members, a blank line around interfaces, JSDoc as ` * ` lines,
// and a multi-line type continued one level deeper than its member ("hanging" indentation).

/** One property of an interface. `docs` is the text of its doc comment (safe inside one). */
export interface PropertyDeclaration {
  name: string
  type: string
  optional?: boolean
  readonly?: boolean
  docs?: string | undefined
}

/** `export interface Name<T> extends A, B { … }`. */
export interface InterfaceDeclaration {
  kind: 'interface'
  name: string
  docs?: string | undefined
  typeParameters?: readonly string[]
  extends?: readonly string[]
  properties: readonly PropertyDeclaration[]
}

/** `export type Name = type;`. */
export interface TypeAliasDeclaration {
  kind: 'type'
  name: string
  docs?: string | undefined
  type: string
}

/** A declaration of `types.ts`, always exported. */
export type Declaration = InterfaceDeclaration | TypeAliasDeclaration

const INDENT = '  '
const NEW_LINE = /\r?\n/

/** Text written line by line: each non-empty line starts with the indentation of its level. */
class Lines {
  text = ''
  private atLineStart = true

  write(part: string, level: number): void {
    if (!part.includes('\n')) return this.piece(part, level)
    const pieces = part.split(NEW_LINE)
    for (let i = 0; i < pieces.length; i += 1) {
      if (i > 0) {
        this.text += '\n'
        this.atLineStart = true
      }
      this.piece(pieces[i] as string, level)
    }
  }

  /** Text without a line break. */
  private piece(piece: string, level: number): void {
    if (piece.length === 0) return
    if (this.atLineStart) this.text += INDENT.repeat(level)
    this.text += piece
    this.atLineStart = false
  }

  /** A part whose second and later lines sit one level deeper (a type or `extends` list). */
  hanging(part: string, level: number): void {
    const newLine = part.search(NEW_LINE)
    if (newLine === -1) return this.write(part, level)
    this.write(part.slice(0, newLine), level)
    this.write(part.slice(newLine), level + 1)
  }

  docs(docs: string | undefined, level: number): void {
    if (docs === undefined) return
    const lines = docs.split(NEW_LINE)
    const start = lines[0] === '' ? 1 : 0
    if (lines.length <= 1) {
      this.write(`/** ${lines[start] ?? ''}`, level)
    } else {
      this.write('/**\n', level)
      for (const line of lines.slice(start)) this.write(line.length > 0 ? ` * ${line}\n` : ' *\n', level)
    }
    if (!this.text.endsWith(' ')) this.write(' ', level)
    this.write('*/\n', level)
  }
}

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === ''

function printProperty(out: Lines, property: PropertyDeclaration): void {
  out.docs(property.docs, 1)
  out.write(`${property.readonly ? 'readonly ' : ''}${property.name}${property.optional ? '?' : ''}`, 1)
  if (!blank(property.type)) out.hanging(`: ${property.type}`, 1)
  out.write(';', 1)
}

/** The text of one declaration, without a newline after it. */
export function printDeclaration(declaration: Declaration): string {
  const out = new Lines()
  out.docs(declaration.docs, 0)
  if (declaration.kind === 'type') {
    out.write(`export type ${declaration.name}`, 0)
    if (!blank(declaration.type)) out.hanging(` = ${declaration.type}`, 0)
    out.write(';', 0)
    return out.text
  }
  const parameters = declaration.typeParameters ?? []
  out.write(`export interface ${declaration.name}${parameters.length > 0 ? `<${parameters.join(', ')}>` : ''} `, 0)
  const bases = (declaration.extends ?? []).join(', ')
  if (!blank(bases)) out.hanging(`extends ${bases} `, 0)
  out.write('{\n', 0)
  declaration.properties.forEach((property, index) => {
    if (index > 0) out.write('\n', 1)
    printProperty(out, property)
  })
  if (!out.text.endsWith('\n')) out.write('\n', 0)
  out.write('}', 0)
  return out.text
}

/** A printed declaration and whether it is an interface (which gets a blank line around it). */
export interface PrintedDeclaration {
  interface: boolean
  text: string
}

/** Declarations one after another: type aliases on consecutive lines, interfaces set apart by a blank line. */
export function joinDeclarations(printed: readonly PrintedDeclaration[]): string {
  return declarationLines(printed).join('\n')
}

/** `joinDeclarations` as lines (its text is their join by newlines), for a file kept in parts. */
export function declarationLines(printed: readonly PrintedDeclaration[]): string[] {
  const lines: string[] = []
  let previousInterface = false
  printed.forEach((declaration, index) => {
    if (index > 0 && (declaration.interface || previousInterface)) lines.push('')
    lines.push(declaration.text)
    previousInterface = declaration.interface
  })
  return lines
}

/** The declarations of a file as text, ending in a newline. */
export function printDeclarations(declarations: readonly Declaration[]): string {
  const printed = declarations.map((declaration) => ({ interface: declaration.kind === 'interface', text: printDeclaration(declaration) }))
  return `${joinDeclarations(printed)}\n`
}
