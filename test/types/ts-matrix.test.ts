import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { generate } from 'feathers-sio-gen/generator'
import { repoRoot } from '../helpers/cli-sandbox.js'

// SPEC §5: generated code type-checks with these flags, under nodenext and bundler resolution,
// on TypeScript 5.9, 6.0 and 7.0. Each compiler is a pinned devDependency (npm aliases).
const compilers = [
  { name: 'TypeScript 5.9', tsc: 'node_modules/typescript-5/bin/tsc', version: /^Version 5\.9\./ },
  { name: 'TypeScript 6.0', tsc: 'node_modules/typescript-6/bin/tsc', version: /^Version 6\.0\./ },
  { name: 'TypeScript 7.0', tsc: 'node_modules/typescript/bin/tsc', version: /^Version 7\.0\./ },
]
const resolutions = [
  { name: 'nodenext', module: 'nodenext', moduleResolution: 'nodenext' },
  { name: 'bundler', module: 'esnext', moduleResolution: 'bundler' },
]
const inputs = [
  { name: 'schemas', dir: 'schemas' },
  { name: 'kinds', dir: 'test/fixtures/kinds' },
]

describe('generated code type-checks on every supported TypeScript, with SPEC §5 flags', () => {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const work = mkdtempSync(join(repoRoot, '.tmp', 'ts-matrix-'))
  after(() => rmSync(work, { recursive: true, force: true }))

  before(async () => {
    // The generated code imports feathers-sio-gen/server and /client as a user's would: through
    // the package's `types` exports, i.e. the built declarations in dist/.
    assert.ok(existsSync(join(repoRoot, 'runtime/dist/cjs/schema/index.d.ts')), 'dist/ is missing: run `npm run build` first')
    for (const input of inputs) {
      const result = await generate({ schemaDir: join(repoRoot, input.dir), outDir: join(work, input.name), cwd: repoRoot })
      assert.equal(result.status, 'ok', JSON.stringify(result.diagnostics))
    }
  })

  for (const compiler of compilers) {
    test(`${compiler.name} is the version it claims`, () => {
      const run = spawnSync(join(repoRoot, compiler.tsc), ['--version'], { encoding: 'utf8' })
      assert.match(run.stdout, compiler.version)
    })
    for (const resolution of resolutions) {
      test(`${compiler.name}, ${resolution.name}: ${inputs.map((i) => i.name).join(' and ')}`, () => {
        const files = inputs.flatMap((input) => readdirSync(join(work, input.name)).map((file) => `./${input.name}/${file}`))
        assert.ok(files.some((file) => file.endsWith('/types.ts')), 'nothing was generated')
        const config = join(work, `tsconfig.${compiler.name.replace(/\W+/g, '-')}-${resolution.name}.json`)
        writeFileSync(config, JSON.stringify({
          compilerOptions: {
            target: 'ES2022', lib: ['ES2023', 'DOM'], types: ['node'], noEmit: true, skipLibCheck: true,
            module: resolution.module, moduleResolution: resolution.moduleResolution,
            strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true,
            noImplicitOverride: true, verbatimModuleSyntax: true,
          },
          files,
        }, null, 2))
        const run = spawnSync(join(repoRoot, compiler.tsc), ['-p', config], { cwd: work, encoding: 'utf8', timeout: 120_000 })
        assert.equal(run.status, 0, `tsc -p ${relative(repoRoot, config)} failed:\n${run.stdout}${run.stderr}`)
      })
    }
  }
})
