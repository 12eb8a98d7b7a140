import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { installed, megabytes, npmInstall, notesSchema, packPackages, sh, TOOLCHAIN } from './pack-packages.js'
import type { PackedPackage } from './pack-packages.js'

// SPEC §6 from the outside: a web app (an ES module package built by Vite 8.3.8) with the run-time
// package as its dependency and the generator as a devDependency, both packed as published. The
// generated client bundles without TypeBox or server code, and the app's run-time install holds
// no part of the generator.
describe('the packed packages in a Vite web app', () => {
  const work = mkdtempSync(join(tmpdir(), 'feathers-sio-gen-web-app-'))
  const packs = join(work, 'packs')
  let runtime: PackedPackage
  let generator: PackedPackage
  after(() => rmSync(work, { recursive: true, force: true }))

  before(() => {
    mkdirSync(packs)
    ;({ runtime, generator } = packPackages(packs))
  })

  test('web app (Vite 8.3.8): the generated client bundles without TypeBox or server code; its run-time install holds no generator', (t) => {
    const web = join(work, 'web-app')
    mkdirSync(join(web, 'schemas'), { recursive: true })
    writeFileSync(join(web, 'package.json'), JSON.stringify({ name: 'web-app', version: '0.0.0', private: true, type: 'module' }))
    sh('npm', [...npmInstall, runtime.tarball, 'socket.io-client@4'], web)
    sh('npm', [...npmInstall, '-D', generator.tarball, '@sinclair/typebox@0.34', 'vite@8.3.8'], web)
    writeFileSync(join(web, 'schemas/notes.ts'), notesSchema)
    sh('npx', ['--no-install', 'feathers-sio-gen', './schemas', '--out', 'src/generated'], web)
    assert.match(readFileSync(join(web, 'src/generated/client.ts'), 'utf8'), /from '\.\/types\.js'\n/)
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="app"></div><script type="module" src="/src/main.ts"></script>\n')
    mkdirSync(join(web, 'src'), { recursive: true })
    writeFileSync(join(web, 'src/main.ts'), `import { io } from 'socket.io-client'
import { createClient } from './generated/client.js'

const client = createClient(io('http://127.0.0.1:1', { autoConnect: false }), { timeout: 1000 })
document.querySelector('#app')!.textContent = typeof client.service('notes').find
`)
    sh('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], web, 180_000)
    const assets = readdirSync(join(web, 'dist/assets')).filter((file) => file.endsWith('.js'))
    assert.equal(assets.length, 1, `assets: ${assets.join(', ')}`)
    const bundle = readFileSync(join(web, 'dist/assets', assets[0]!), 'utf8')
    assert.ok(bundle.includes('notes'), 'the generated client is not in the bundle')
    for (const absent of ['TypeBox', 'registerServices', 'ts-morph']) assert.ok(!bundle.includes(absent), `${absent} reached the bundle`)
    const full = megabytes(join(web, 'node_modules'))

    sh('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], web)
    const names = installed(join(web, 'node_modules'))
    assert.ok(names.includes('feathers-sio-gen-runtime') && names.includes('socket.io-client'))
    assert.deepEqual(names.filter((name) => TOOLCHAIN.includes(name) || name === 'vite'), [])
    assert.ok(existsSync(join(web, 'node_modules/feathers-sio-gen-runtime/dist/esm/client/index.mjs')))
    t.diagnostic(`web app node_modules: ${full} MB with Vite and the generator; ${megabytes(join(web, 'node_modules'))} MB run-time only`)
  })
})
