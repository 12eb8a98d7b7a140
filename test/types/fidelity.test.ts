// SPEC §3 fidelity: every named schema's generated type equals `Static<typeof Schema>`. The
// fixture modules in test/fixtures/kinds go through the real model stage and emitTypes; a checker
// file then asserts, with tsc, that each generated type and its Static are mutually assignable,
// agree on readonly keys and on being `any`. A second test proves the checker can fail.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { emitTypes } from '../../generator/emit/emit-types.js'
import { buildModel } from '../../generator/model/build-model.js'
import type { GenModel, LoadedModule } from '../../generator/model/model.js'

const root = new URL('../..', import.meta.url).pathname
const fixtures = join(root, 'test/fixtures/kinds')
const tsc = join(root, 'node_modules/typescript/bin/tsc')

const STRICT = {
  strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noImplicitOverride: true,
  verbatimModuleSyntax: true, target: 'es2022', lib: ['es2023'], types: [], skipLibCheck: true, noEmit: true,
}

const CHECKER_PRELUDE = `import type { Static } from '@sinclair/typebox'
type Assert<T extends true> = T
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends (<T>() => T extends Y ? 1 : 2) ? A : B
type ReadonlyKeys<T> = { [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, never, K> }[keyof T]
type IsAny<T> = 0 extends 1 & T ? true : false
type Same<A, B> = MutuallyAssignable<A, B> extends true
  ? MutuallyAssignable<ReadonlyKeys<A>, ReadonlyKeys<B>> extends true ? MutuallyAssignable<IsAny<A>, IsAny<B>> : false
  : false
`

interface Fixture { files: string[]; modules: LoadedModule[]; model: GenModel }

async function loadFixture(): Promise<Fixture> {
  const files = readdirSync(fixtures).filter((file) => file.endsWith('.ts')).sort()
  const modules: LoadedModule[] = await Promise.all(files.map(async (file) => ({
    file: `test/fixtures/kinds/${file}`,
    exports: await import(join(fixtures, file)) as Record<string, unknown>,
  })))
  const { model, diagnostics } = buildModel(modules)
  assert.deepEqual(diagnostics, [], 'the fixture is valid input')
  return { files, modules, model }
}

/** The checker: one `Check_<Name>` per named schema and per declared service schema. */
function checker(dir: string, fixture: Fixture): string {
  const alias = new Map(fixture.files.map((file, index) => [`test/fixtures/kinds/${file}`, `K${index}`]))
  const imports = fixture.files.map((file, index) =>
    `import type * as K${index} from '${relative(dir, join(fixtures, file)).replace(/\.ts$/, '.js')}'`)
  const checks = fixture.model.schemas.map((named) =>
    `export type Check_${named.name} = Assert<Same<G.${named.name}, Static<typeof ${alias.get(named.file)}.${named.name}>>>`)
  for (const service of fixture.model.services) {
    const declared = fixture.modules.find((module) => module.file === service.file)
    const definition = ('exports' in declared! ? declared.exports[service.exportName] : undefined) as Record<string, unknown>
    const source = `(typeof ${alias.get(service.file)}.${service.exportName})`
    const check = (name: string, path: string) =>
      checks.push(`export type Check_${name} = Assert<Same<G.${name}, Static<${source}${path}>>>`)
    for (const key of ['id', 'result', 'data', 'patch', 'query'] as const) {
      if (definition[key] !== undefined) check(`${service.pascal}${key[0]!.toUpperCase()}${key.slice(1)}`, `['${key}']`)
    }
    for (const method of service.custom) {
      check(`${service.pascal}${method.pascal}Data`, `['custom']['${method.name}']['data']`)
      check(`${service.pascal}${method.pascal}Result`, `['custom']['${method.name}']['result']`)
    }
    for (const event of service.events) check(`${service.pascal}${event.pascal}Event`, `['events']['${event.name}']`)
  }
  return `${CHECKER_PRELUDE}import type * as G from './types.js'\n${imports.join('\n')}\n\n${checks.join('\n')}\n`
}

/** Writes types.ts (optionally altered), check.ts and a tsconfig into `dir`. */
function writeChecker(dir: string, fixture: Fixture, alter: (types: string) => string = (types) => types): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'types.ts'), alter(emitTypes(fixture.model).content))
  writeFileSync(join(dir, 'check.ts'), checker(dir, fixture))
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { ...STRICT, module: 'nodenext', moduleResolution: 'nodenext', customConditions: ['feathers-sio-gen-source'] },
    include: ['*.ts'],
  }, null, 2))
}

function runTsc(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(tsc, args, { cwd: root, encoding: 'utf8' })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe('types.ts fidelity (Static<typeof Schema> ≡ generated type)', () => {
  let fixture: Fixture
  let work: string
  before(async () => {
    fixture = await loadFixture()
    mkdirSync(join(root, '.tmp'), { recursive: true })
    work = mkdtempSync(join(root, '.tmp', 'fidelity-'))
  })
  // FIDELITY_KEEP=1 leaves the checker on disk to look at.
  after(() => { if (process.env['FIDELITY_KEEP'] === undefined) rmSync(work, { recursive: true, force: true }) })

  test('every named schema and declared service schema matches its Static', () => {
    const dir = join(work, 'exact')
    writeChecker(dir, fixture)
    const { status, output } = runTsc(['-p', join(dir, 'tsconfig.json')])
    assert.equal(status, 0, `tsc found differences:\n${output}`)
    assert.ok(fixture.model.schemas.length >= 60, 'the fixture covers every kind')
  })

  test('types.ts alone type-checks with every flag of SPEC §5, under nodenext and bundler', () => {
    const dir = join(work, 'alone')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'types.ts'), emitTypes(fixture.model).content)
    for (const resolution of [{ module: 'nodenext', moduleResolution: 'nodenext' }, { module: 'esnext', moduleResolution: 'bundler' }]) {
      const flags = Object.entries({ ...STRICT, ...resolution }).flatMap(([key, value]) =>
        Array.isArray(value) ? (value.length === 0 ? [] : [`--${key}`, value.join(',')]) : [`--${key}`, String(value)])
      const { status, output } = runTsc(['--ignoreConfig', ...flags, join(dir, 'types.ts')])
      assert.equal(status, 0, `types.ts does not type-check under ${resolution.moduleResolution}:\n${output}`)
    }
  })

  test('the check fails on a deliberate mismatch (optional, readonly, literal, any)', () => {
    const mutations: Record<string, [string, string]> = {
      optional: ['  plain: string;', '  plain?: string;'],
      readonly: ['  readonly readonly: boolean;', '  readonly: boolean;'],
      literal: ['export type ANumberLiteral = 42;', 'export type ANumberLiteral = 42 | 43;'],
      any: ['export type AnUnknown = unknown;', 'export type AnUnknown = any;'],
      recursion: ['  children: Category[];', '  children: Category[] | string;'],
    }
    const expected: Record<string, string> = {
      optional: 'Check_Modifiers', readonly: 'Check_Modifiers', literal: 'Check_ANumberLiteral',
      any: 'Check_AnUnknown', recursion: 'Check_Category',
    }
    for (const [name, [from, to]] of Object.entries(mutations)) {
      writeChecker(join(work, `mutated-${name}`), fixture, (types) => {
        assert.ok(types.includes(from), `types.ts has ${JSON.stringify(from)}`)
        return types.replace(from, to)
      })
      const { status, output } = runTsc(['-p', join(work, `mutated-${name}`, 'tsconfig.json')])
      assert.notEqual(status, 0, `tsc accepted the ${name} mismatch`)
      const errors = output.split('\n').filter((line) => line.includes('error TS'))
      assert.ok(errors.length > 0 && errors.every((line) => line.includes('check.ts')), `only check.ts fails:\n${output}`)
      const checkLines = readFileLines(join(work, `mutated-${name}`, 'check.ts'))
      const failing = errors.map((line) => checkLines[Number(/\((\d+),/.exec(line)?.[1] ?? 0) - 1] ?? '')
      assert.ok(failing.some((line) => line.includes(`${expected[name]} `)), `the ${name} mismatch fails at ${expected[name]}:\n${output}`)
    }
  })
})

function readFileLines(path: string): string[] {
  return spawnSync('cat', [path], { encoding: 'utf8' }).stdout.split('\n')
}
