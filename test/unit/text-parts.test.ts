// Generated files are kept in parts (generator/emit/header.ts) and compared and written from
// them (generator/write): the text must be exactly what joining everything into one string gave.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import fc from 'fast-check'
import { GENERATED_HEADER, NO_CHECK, generatedFile } from '../../generator/emit/header.js'
import { applyOutput } from '../../generator/write/apply-output.js'
import { planOutput } from '../../generator/write/plan-output.js'
import { createOutputMemory } from '../../generator/write/output-memory.js'
import { sameText, textStart } from '../../generator/write/text-parts.js'

// Lines as emitters make them: declarations spanning lines, blank lines, stray whitespace, non-ASCII.
const line = fc.oneof(
  fc.constantFrom('', ' ', '\t', '\n', ' \n ', '\u00a0', '\ufeff'),
  fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', ' ', '\n', '\t', '{', '}', "'") }),
)
const lines = fc.array(line, { maxLength: 12 })

describe('generatedFile', () => {
  test('its text is the header, an empty line and the trimmed joined lines, ending in one newline', () => {
    fc.assert(fc.property(lines, fc.boolean(), (body, unchecked) => {
      const file = generatedFile('x.ts', body, { unchecked })
      const expected = `${GENERATED_HEADER}${unchecked ? NO_CHECK : ''}\n${body.join('\n').trim()}\n`
      assert.equal(file.content, expected)
      assert.equal(file.parts?.join(''), expected)
    }), { numRuns: 500 })
  })
})

/** `text` cut at the given places (offsets past its end are ignored). */
const cut = (text: string, at: number[]): string[] => {
  const places = [...new Set(at.filter((n) => n <= text.length))].sort((a, b) => a - b)
  return [...places, text.length].map((end, i) => text.slice(i === 0 ? 0 : places[i - 1], end))
}

describe('sameText', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', 'é', '😀'), maxLength: 40 })
  const places = fc.array(fc.nat({ max: 45 }), { maxLength: 8 })

  test('equal texts are the same however each is cut', () => {
    fc.assert(fc.property(text, places, places, (t, x, y) => sameText(cut(t, x), cut(t, y))), { numRuns: 1000 })
  })

  test('it answers what comparing the joined texts answers', () => {
    fc.assert(fc.property(text, text, places, places, (a, b, x, y) => {
      assert.equal(sameText(cut(a, x), cut(b, y)), a === b)
    }), { numRuns: 1000 })
  })

  test('one different character anywhere is a difference', () => {
    const base = 'import x\nexport const a = 1\n'
    for (let i = 0; i < base.length; i++) {
      const changed = `${base.slice(0, i)}#${base.slice(i + 1)}`
      assert.equal(sameText([base], cut(changed, [3, 11, 20])), false, `at ${i}`)
    }
  })
})

describe('textStart', () => {
  test('the first characters, taken across parts', () => {
    assert.equal(textStart(['// Gen', 'erated', ' by'], 10), '// Generat')
    assert.equal(textStart(['ab'], 10), 'ab')
    assert.equal(textStart([], 3), '')
  })
})

describe('writing a file kept in parts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'text-parts-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('the file holds the joined text, including parts larger than a write batch', async () => {
    const big = 'x'.repeat(200_000)
    const file = generatedFile('big.ts', ['const a = 1', `// ${big}`, ...Array.from({ length: 5000 }, (_, i) => `export const v${i} = '€${i}'`)])
    const memory = createOutputMemory()
    await applyOutput(await planOutput(dir, [file], memory), memory)
    assert.equal(readFileSync(join(dir, 'big.ts'), 'utf8'), file.content)
    // Unchanged, whether known from the session's memory or read back from disk.
    assert.deepEqual((await planOutput(dir, [file], memory)).actions, [{ name: 'big.ts', action: 'unchanged' }])
    assert.deepEqual((await planOutput(dir, [file])).actions, [{ name: 'big.ts', action: 'unchanged' }])
    const edited = generatedFile('big.ts', ['const a = 2', `// ${big}`])
    assert.equal((await planOutput(dir, [edited], memory)).actions[0]?.action, 'update')
  })
})
