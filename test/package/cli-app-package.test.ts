import assert from 'node:assert/strict'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { INSTALL_SCRIPTS, installed, megabytes, npmInstall, notesSchema, packPackages, sh, TOOLCHAIN } from './pack-packages.js'
import type { PackedPackage } from './pack-packages.js'

// SPEC §6 from the outside: both packages packed as published, installed into a fresh project
// outside this repository. A server laid out as `feathers generate app` lays it out (CommonJS,
// `"module": "commonjs"`, ts-node in development, `tsc` → `node lib/` in production) generates,
// type-checks and runs with no edit to its tsconfig.json or package.json, and its production
// install holds the run-time parts only. (The web app: web-app-package.test.ts.)

/** The app's entry: a generated server on port 0 and a generated client doing a round trip. CommonJS-safe (no top-level await). */
const server = (generated: string) => `import { feathers } from '@feathersjs/feathers'
import { BadRequest } from '@feathersjs/errors'
import { io } from 'socket.io-client'
import type { AddressInfo } from 'net'
import { socketio } from 'feathers-sio-gen-runtime/server'
import { registerServices } from '${generated}/server'
import type { NotesService } from '${generated}/server'
import { createClient } from '${generated}/client'
import type { Note } from '${generated}/types'

async function main() {
  const stored: (Note & { owner: string })[] = []
  const notes: NotesService = {
    async find(params) {
      return stored.filter((note) => params.query.id === undefined || note.id === params.query.id)
    },
    async create(data) {
      const note = { id: stored.length + 1, text: data.text, owner: 'secret-owner' }
      stored.push(note)
      return note
    },
  }
  const app = feathers()
  app.configure(socketio())
  registerServices(app, { notes })
  const httpServer = await app.listen(0)
  const { port } = httpServer.address() as AddressInfo
  const socket = io('http://127.0.0.1:' + port, { transports: ['websocket'] })
  const client = createClient(socket, { timeout: 5000 })
  try {
    const created = await client.service('notes').create({ text: 'hello' })
    if (created.text !== 'hello' || 'owner' in created) throw new Error('unexpected: ' + JSON.stringify(created))
    const found = await client.service('notes').find({ query: { id: created.id } })
    if (found.length !== 1) throw new Error('find gave ' + found.length)
    const refused = await client.service('notes').create({ text: '' }).then(() => undefined, (error: unknown) => error)
    if (!(refused instanceof BadRequest)) throw new Error('invalid data was not refused: ' + String(refused))
  } finally {
    socket.close()
    await app.teardown()
    await new Promise<void>((resolve) => app.io.close(() => resolve()))
  }
}

main().then(() => console.log('round trip ok'), (error: unknown) => {
  console.error(error)
  process.exit(1)
})
`

/** The tsconfig.json \`feathers generate app\` writes for TypeScript (@feathersjs/generators 5.0.50). */
const cliTsconfig = {
  'ts-node': { files: true },
  compilerOptions: {
    target: 'es2020', module: 'commonjs', outDir: './lib', rootDir: './src', declaration: true, strict: true,
    esModuleInterop: true, sourceMap: true, skipLibCheck: true,
  },
  include: ['src'],
  exclude: ['test'],
}

// Node 20 before 20.19 cannot require() an ES module; this Node can, so switch it off to prove
// the app never relies on it (the README promises Node 20 or newer).
const noRequireEsm = { NODE_OPTIONS: '--no-experimental-require-module' }

describe('the packed packages in a Feathers CLI style app', () => {
  const work = mkdtempSync(join(tmpdir(), 'feathers-sio-gen-cli-app-'))
  const packs = join(work, 'packs')
  let runtime: PackedPackage
  let generator: PackedPackage
  after(() => rmSync(work, { recursive: true, force: true }))

  before(() => {
    mkdirSync(packs)
    ;({ runtime, generator } = packPackages(packs))
  })

  test('neither package runs an install script; each ships only its own part', () => {
    for (const { manifest } of [runtime, generator]) {
      const scripts = Object.keys(manifest.scripts ?? {}).filter((name) => INSTALL_SCRIPTS.includes(name))
      assert.deepEqual(scripts, [], `${manifest.name} ships install scripts`)
    }
    assert.equal(runtime.manifest.name, 'feathers-sio-gen-runtime')
    assert.deepEqual(Object.keys(runtime.manifest.dependencies ?? {}).sort(), [
      '@feathersjs/errors', '@feathersjs/feathers', '@feathersjs/socketio', '@feathersjs/socketio-client', 'socket.io', 'socket.io-client',
    ])
    assert.ok(runtime.files.includes('dist/cjs/server/index.js') && runtime.files.includes('dist/esm/client/index.mjs'))
    assert.ok(!runtime.files.some((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts')), 'TypeScript sources packed')
    assert.equal(generator.manifest.dependencies?.['feathers-sio-gen-runtime'], runtime.manifest.version)
    assert.ok(!generator.files.some((file) => file.startsWith('runtime/') || file.startsWith('dist/runtime/')), 'the runtime is packed twice')
  })

  test('CommonJS server (the CLI layout): generates, runs under ts-node and from tsc output; its production install is run-time only', (t) => {
    const app = join(work, 'cli-app')
    mkdirSync(join(app, 'schemas'), { recursive: true })
    mkdirSync(join(app, 'src'), { recursive: true })
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'cli-app', version: '0.0.0', main: 'lib/index', private: true }))
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(cliTsconfig, null, 2))
    sh('npm', [...npmInstall, runtime.tarball], app)
    sh('npm', [...npmInstall, '-D', generator.tarball, '@sinclair/typebox@0.34', 'typescript@5.9', 'ts-node@10', '@types/node@20'], app)
    writeFileSync(join(app, 'schemas/notes.ts'), notesSchema)
    writeFileSync(join(app, 'src/index.ts'), server('./generated'))

    assert.match(sh('npx', ['--no-install', 'feathers-sio-gen', './schemas', '--out', 'src/generated'], app), /1 service \(notes\)/)
    // A CommonJS package: the generated relative imports are extensionless, which ts-node resolves.
    assert.match(readFileSync(join(app, 'src/generated/server.ts'), 'utf8'), /from '\.\/validators'\n/)
    assert.match(sh('npx', ['--no-install', 'ts-node', 'src/index.ts'], app, 120_000, noRequireEsm), /round trip ok/)
    sh('npx', ['--no-install', 'tsc'], app)
    assert.match(sh(process.execPath, ['lib/index.js'], app, 60_000, noRequireEsm), /round trip ok/)

    // Production: the same package.json and lib/, `npm install --omit=dev`.
    const prod = join(work, 'cli-app-prod')
    mkdirSync(prod)
    cpSync(join(app, 'package.json'), join(prod, 'package.json'))
    cpSync(join(app, 'lib'), join(prod, 'lib'), { recursive: true })
    sh('npm', [...npmInstall, '--omit=dev'], prod)
    const names = installed(join(prod, 'node_modules'))
    assert.ok(names.includes('feathers-sio-gen-runtime'))
    assert.deepEqual(names.filter((name) => TOOLCHAIN.includes(name)), [], 'the generator toolchain reached production')
    assert.match(sh(process.execPath, ['lib/index.js'], prod, 60_000, noRequireEsm), /round trip ok/)
    t.diagnostic(`production server node_modules: ${megabytes(join(prod, 'node_modules'))} MB (development install: ${megabytes(join(app, 'node_modules'))} MB)`)
  })
})
