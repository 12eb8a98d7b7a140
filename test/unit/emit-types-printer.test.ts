// The declaration printer of types.ts. Its layout is the one ts-morph printed before it (checked
// byte for byte against ts-morph on the project's schemas when it replaced it): these pin it.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { printDeclarations } from '../../generator/emit/print-declarations.js'

describe('printDeclarations', () => {
  test('aliases on consecutive lines, interfaces set apart, one newline at the end', () => {
    const text = printDeclarations([
      { kind: 'type', name: 'A', type: 'string' },
      { kind: 'type', name: 'B', type: "'x' | 'y'" },
      { kind: 'interface', name: 'C', properties: [{ name: 'a', type: 'A' }, { name: "'b-c'", type: 'B', optional: true, readonly: true }] },
      { kind: 'type', name: 'D', type: 'C[]' },
      { kind: 'interface', name: 'Empty', properties: [] },
    ])
    assert.equal(text, [
      'export type A = string;',
      "export type B = 'x' | 'y';",
      '',
      'export interface C {',
      '  a: A;',
      "  readonly 'b-c'?: B;",
      '}',
      '',
      'export type D = C[];',
      '',
      'export interface Empty {',
      '}',
      '',
    ].join('\n'))
  })

  test('type parameters and an extends list', () => {
    const text = printDeclarations([
      { kind: 'interface', name: 'Page', typeParameters: ['T', 'U'], extends: ['Base', 'Other<T>'], properties: [{ name: 'data', type: 'T[]' }] },
      { kind: 'interface', name: 'Bare', extends: [], properties: [{ name: 'x', type: 'number' }] },
    ])
    assert.equal(text, 'export interface Page<T, U> extends Base, Other<T> {\n  data: T[];\n}\n\nexport interface Bare {\n  x: number;\n}\n')
  })

  test('doc comments: one line inline, several lines as * lines, blank lines kept, CRLF read as a line break', () => {
    const text = printDeclarations([
      { kind: 'type', name: 'One', docs: 'A single line.', type: 'string' },
      {
        kind: 'interface', name: 'Many', docs: 'First line.\n\n  Indented, with *\\/ kept.', properties: [
          { name: 'a', type: 'string', docs: 'Line one\r\nline two' },
          { name: 'b', type: 'number', docs: 'Just one.' },
        ],
      },
    ])
    assert.equal(text, [
      '/** A single line. */',
      'export type One = string;',
      '',
      '/**',
      ' * First line.',
      ' *',
      ' *   Indented, with *\\/ kept.',
      ' */',
      'export interface Many {',
      '  /**',
      '   * Line one',
      '   * line two',
      '   */',
      '  a: string;',
      '  /** Just one. */',
      '  b: number;',
      '}',
      '',
    ].join('\n'))
  })

  test('a multi-line type continues one level deeper than its member; empty lines stay empty', () => {
    const text = printDeclarations([
      { kind: 'interface', name: 'Wide', properties: [{ name: 'nested', type: '{\n  a: string;\n\n  b: number;\n}' }] },
      { kind: 'type', name: 'Alias', type: '{\n  c: boolean;\n}' },
    ])
    assert.equal(text, [
      'export interface Wide {',
      '  nested: {',
      '      a: string;',
      '',
      '      b: number;',
      '    };',
      '}',
      '',
      'export type Alias = {',
      '    c: boolean;',
      '  };',
      '',
    ].join('\n'))
  })
})
