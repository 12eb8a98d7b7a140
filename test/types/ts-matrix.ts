import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { generate } from 'feathers-sio-gen/generator'
import { repoRoot } from '../helpers/cli-sandbox.js'

// SPEC §5 and §6: generated code and the packages' entry points type-check on TypeScript 5.9, 6.0
// and 7.0, in ES module packages (nodenext, node16, bundler; SPEC §5 flags) and in CommonJS
// packages (node16, nodenext, and the `feathers generate app` tsconfig: `"module": "commonjs"`,
// which is node10 resolution on TypeScript 5.9). Each compiler is a pinned devDependency (npm
// aliases). The packages are seen as installed: `feathers-sio-gen-runtime` and `feathers-sio-gen`
// resolve through node_modules to their package.json (exports, typesVersions) and built
// declarations, never to sources.
const compilers = [
  { name: 'TypeScript 5.9', tsc: 'node_modules/typescript-5/bin/tsc', version: /^Version 5\.9\./ },
  { name: 'TypeScript 6.0', tsc: 'node_modules/typescript-6/bin/tsc', version: /^Version 6\.0\./ },
  { name: 'TypeScript 7.0', tsc: 'node_modules/typescript/bin/tsc', version: /^Version 7\.0\./ },
]
const specFlags = {
  strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noImplicitOverride: true,
}
// verbatimModuleSyntax forbids `import` syntax in CommonJS files, so no CommonJS app sets it; the
// Feathers CLI's tsconfig sets esModuleInterop instead.
const esmFlags = { ...specFlags, verbatimModuleSyntax: true }
const cjsFlags = { ...specFlags, esModuleInterop: true }
/** Per package format, the resolution modes checked (one tsc run per compiler and mode). */
export const resolutions = {
  esm: [
    { name: 'nodenext', options: { module: 'nodenext', moduleResolution: 'nodenext', ...esmFlags } },
    { name: 'bundler', options: { module: 'esnext', moduleResolution: 'bundler', ...esmFlags } },
    { name: 'node16', options: { module: 'node16', moduleResolution: 'node16', ...esmFlags } },
  ],
  cjs: [
    { name: 'node16, CommonJS package', options: { module: 'node16', moduleResolution: 'node16', ...cjsFlags } },
    { name: 'nodenext, CommonJS package', options: { module: 'nodenext', moduleResolution: 'nodenext', ...cjsFlags } },
    { name: 'commonjs (the Feathers CLI tsconfig)', options: { module: 'commonjs', ...cjsFlags } },
  ],
} as const
const inputs = [
  { name: 'schemas', dir: 'schemas' },
  { name: 'kinds', dir: 'test/fixtures/kinds' },
]

/**
 * A consumer module: every entry point of both packages, schemas built with the app's own
 * TypeBox (its `TSchema` must be the one the runtime's declarations name), and the generated
 * `createClient` taking the `Socket` of either socket.io-client build. (`defineService` is only
 * referenced: calling it hits TS2589 on TypeScript 5.9 and 6.0, a known issue of its typing.)
 */
const consumer = (ext: string) => `import { Type } from '@sinclair/typebox'
import { defineConnection, defineService, querySyntax } from 'feathers-sio-gen-runtime'
import type { CustomMethodDefinition } from 'feathers-sio-gen-runtime'
import { socketio } from 'feathers-sio-gen-runtime/server'
import type { RegisterOptions } from 'feathers-sio-gen-runtime/server'
import { DEFAULT_TIMEOUT } from 'feathers-sio-gen-runtime/client'
import { defineService as defineServiceAgain, querySyntax as querySyntaxAgain } from 'feathers-sio-gen'
import { createValidator } from 'feathers-sio-gen/server'
import type { ClientSocket } from 'feathers-sio-gen/client'
import { io } from 'socket.io-client'
import { createClient } from './schemas/client${ext}'

const Note = Type.Object({ id: Type.Integer(), text: Type.String() })
export const query = querySyntax(Type.Pick(Note, ['id']))
export const queryAgain = querySyntaxAgain(Type.Pick(Note, ['text']))
export const markRead: CustomMethodDefinition = { data: Note, result: query }
export const connection = defineConnection(Type.Object({ userId: Type.Optional(Type.Integer()) }))
export const define: typeof defineService = defineServiceAgain
export const configure = socketio({ cors: { origin: '*' } }, (server) => server.close())
export const options: RegisterOptions = { validateResults: true }
export const timeout: number = DEFAULT_TIMEOUT
export const validator: typeof createValidator = createValidator

declare const esmSocket: import('socket.io-client', { with: { 'resolution-mode': 'import' } }).Socket
declare const cjsSocket: import('socket.io-client', { with: { 'resolution-mode': 'require' } }).Socket
export const fromIo = createClient(io('http://127.0.0.1:1', { autoConnect: false }))
export const fromEsmBuild = createClient(esmSocket)
export const fromCjsBuild = createClient(cjsSocket)
export const socket: ClientSocket = cjsSocket
// @ts-expect-error -- not a socket: proves the socket type did not collapse to any
createClient({ connected: true })
`

/**
 * The matrix for one package format: `esm` (an ES module package, `.js` relative imports) or `cjs`
 * (a CommonJS package laid out as the Feathers CLI does: no "type", extensionless imports).
 */
export function typeCheckMatrix(format: keyof typeof resolutions): void {
  describe(`generated code and entry points type-check on every supported TypeScript (${format} package)`, () => {
    mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
    const work = mkdtempSync(join(repoRoot, '.tmp', `ts-matrix-${format}-`))
    after(() => { if (process.env.KEEP_TS_MATRIX === undefined) rmSync(work, { recursive: true, force: true }) })

    before(async () => {
      assert.ok(existsSync(join(repoRoot, 'runtime/dist/cjs/schema/index.d.ts')) && existsSync(join(repoRoot, 'runtime/dist/esm/schema/index.d.ts')),
        'runtime/dist/ is missing: run `npm run build` first')
      // feathers-sio-gen as installed (linked, as npm links a workspace); the run-time package
      // resolves through the repository's node_modules, where the workspace links it.
      mkdirSync(join(work, 'node_modules'))
      symlinkSync(repoRoot, join(work, 'node_modules', 'feathers-sio-gen'), 'dir')
      const dir = join(work, format)
      mkdirSync(dir)
      writeFileSync(join(dir, 'package.json'), JSON.stringify(format === 'esm' ? { type: 'module' } : { name: 'cli-app', main: 'lib/index' }))
      for (const input of inputs) {
        const result = await generate({ schemaDir: join(repoRoot, input.dir), outDir: join(dir, input.name), cwd: repoRoot })
        assert.equal(result.status, 'ok', JSON.stringify(result.diagnostics))
      }
      writeFileSync(join(dir, 'consumer.ts'), consumer(format === 'esm' ? '.js' : ''))
    })

    test(format === 'esm' ? 'an ES module package keeps .js relative imports' : 'a CommonJS package gets extensionless relative imports', () => {
      const specifier = format === 'esm' ? /from '\.\/validators\.js'\n/ : /from '\.\/validators'\n/
      assert.match(readFileSync(join(work, format, 'schemas/server.ts'), 'utf8'), specifier)
    })

    for (const compiler of compilers) {
      test(`${compiler.name} is the version it claims`, () => {
        const run = spawnSync(join(repoRoot, compiler.tsc), ['--version'], { encoding: 'utf8' })
        assert.match(run.stdout, compiler.version)
      })
      for (const resolution of resolutions[format]) {
        test(`${compiler.name}, ${resolution.name}: ${inputs.map((i) => i.name).join(', ')} and the entry points`, () => {
          const dir = join(work, format)
          const files = [
            './consumer.ts',
            ...inputs.flatMap((input) => readdirSync(join(dir, input.name)).map((file) => `./${input.name}/${file}`)),
          ]
          assert.ok(files.some((file) => file.endsWith('/types.ts')), 'nothing was generated')
          const config = join(dir, `tsconfig.${compiler.name.replace(/\W+/g, '-')}-${resolution.name.replace(/\W+/g, '-')}.json`)
          writeFileSync(config, JSON.stringify({
            compilerOptions: { target: 'ES2022', lib: ['ES2023', 'DOM'], types: ['node'], noEmit: true, skipLibCheck: true, ...resolution.options },
            files,
          }, null, 2))
          const run = spawnSync(join(repoRoot, compiler.tsc), ['-p', config], { cwd: dir, encoding: 'utf8', timeout: 120_000 })
          assert.equal(run.status, 0, `tsc -p ${relative(repoRoot, config)} failed:\n${run.stdout}${run.stderr}`)
        })
      }
    }
  })
}
