import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { packPackages, sh } from './pack-packages.js'

// The published package, as a user meets it: `npm pack`, installed into a fresh project outside
// this repository, where `npx feathers-sio-gen ./schemas` must run (compiled JavaScript; the
// user's TypeScript schema modules load with no build step), and the generated code must
// type-check with that project's own TypeScript and run against a live server.

const noteSchemas = `import { Type } from '@sinclair/typebox'
import { defineService, querySyntax } from 'feathers-sio-gen'

export const Note = Type.Object({ id: Type.Integer(), text: Type.String({ minLength: 1 }) }, { additionalProperties: false })
export const NoteData = Type.Object({ text: Type.String({ minLength: 1 }) }, { additionalProperties: false })

export const notes = defineService({
  path: 'notes',
  id: Type.Integer(),
  result: Note,
  data: NoteData,
  query: querySyntax(Type.Pick(Note, ['id'])),
  methods: ['find', 'create'],
})
`

const main = `import { feathers } from '@feathersjs/feathers'
import { BadRequest } from '@feathersjs/errors'
import { io } from 'socket.io-client'
import type { AddressInfo } from 'node:net'
import { socketio } from 'feathers-sio-gen/server'
import { registerServices } from '../generated/server.js'
import type { NotesService } from '../generated/server.js'
import { createClient } from '../generated/client.js'
import type { Note } from '../generated/types.js'

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
const server = await app.listen(0)
const { port } = server.address() as AddressInfo

const socket = io(\`http://127.0.0.1:\${port}\`, { transports: ['websocket'] })
const client = createClient(socket, { timeout: 5000 })
const created = await client.service('notes').create({ text: 'hello' })
if (created.text !== 'hello' || 'owner' in created) throw new Error(\`unexpected: \${JSON.stringify(created)}\`)
const found = await client.service('notes').find({ query: { id: created.id } })
if (found.length !== 1) throw new Error(\`find gave \${found.length}\`)
const refused = await client.service('notes').create({ text: '' }).then(() => undefined, (error: unknown) => error)
if (!(refused instanceof BadRequest)) throw new Error(\`invalid data was not refused: \${String(refused)}\`)
socket.close()
await app.teardown()
// @feathersjs/socketio's teardown leaves the HTTP server listening; closing io closes it too.
await new Promise<void>((resolve) => app.io.close(() => resolve()))
console.log('round trip ok')
`

describe('the npm package, installed into a fresh project', () => {
  const project = mkdtempSync(join(tmpdir(), 'feathers-sio-gen-consumer-'))
  const packs = mkdtempSync(join(tmpdir(), 'feathers-sio-gen-pack-'))
  let tarball = ''
  let runtimeTarball = ''
  after(() => {
    rmSync(project, { recursive: true, force: true })
    rmSync(packs, { recursive: true, force: true })
  })

  before(() => {
    const { runtime, generator } = packPackages(packs)
    const files = generator.files
    assert.ok(files.includes('dist/generator/cli.js') && files.includes('bin/feathers-sio-gen.js'), 'compiled CLI missing from the tarball')
    assert.ok(!files.some((file) => file.startsWith('test/') || file.startsWith('schemas/')), 'tests or sample schemas packed')
    // The generator depends on the run-time package, which is not on the registry either.
    tarball = generator.tarball
    runtimeTarball = runtime.tarball
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
    sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, runtimeTarball,
      '@sinclair/typebox@0.34', 'typescript@5.9', '@types/node@20', '@feathersjs/feathers@5', '@feathersjs/errors@5', 'socket.io-client@4'], project)
  })

  test('npx feathers-sio-gen ./schemas loads TypeScript schema modules with no build step', () => {
    mkdirSync(join(project, 'schemas'))
    writeFileSync(join(project, 'schemas/notes.ts'), noteSchemas)
    const out = sh('npx', ['--no-install', 'feathers-sio-gen', './schemas'], project)
    assert.match(out, /1 service \(notes\) from 1 module/)
    for (const file of ['types.ts', 'validators.ts', 'server.ts', 'client.ts']) {
      assert.ok(existsSync(join(project, 'generated', file)), `generated/${file} missing`)
    }
    assert.match(sh('npx', ['--no-install', 'feathers-sio-gen', '--version'], project), /^\d+\.\d+\.\d+/)
  })

  test("the generated code type-checks with the project's own TypeScript and runs against a live server", () => {
    mkdirSync(join(project, 'src'), { recursive: true })
    writeFileSync(join(project, 'src/main.ts'), main)
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', types: ['node'],
        strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true,
        noImplicitOverride: true, verbatimModuleSyntax: true, skipLibCheck: true,
        rootDir: '.', outDir: 'build',
      },
      include: ['src', 'generated'],
    }))
    assert.match(sh('npx', ['--no-install', 'tsc', '--version'], project), /Version 5\.9\./)
    sh('npx', ['--no-install', 'tsc', '-p', '.'], project)
    const out = sh(process.execPath, ['build/src/main.js'], project, 60_000)
    assert.match(out, /round trip ok/)
  })
})
