import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { megabytes } from '../package/pack-packages.js'
import { copyExample, installWithSqlite, packedTarballs, sh, startApp } from '../helpers/example-app.js'
import { chromiumPath, drivePage, driveRest, driveSocket } from '../helpers/cli-app-drive.js'

// examples/cli-app, the app `feathers generate app` lays out (CommonJS TypeScript, Koa, REST +
// Socket.io, local + JWT authentication, knex on SQLite) on feathers-sio-gen, run as its README
// says: installed from this repository's packed packages, generated, migrated, then started under
// ts-node (`npm run dev`) and from tsc's output (`npm start`); REST with fetch, Socket.io with the
// generated client, and its Vite page in headless Chromium.

describe('examples/cli-app: a Feathers CLI app on feathers-sio-gen', () => {
  const work = mkdtempSync(join(tmpdir(), 'feathers-sio-gen-cli-app-'))
  const dir = join(work, 'cli-app')
  const env = { PORT: '0', FEATHERS_SECRET: 'a-test-secret-of-some-length' }
  after(() => rmSync(work, { recursive: true, force: true }))

  before(() => {
    assert.ok(existsSync(chromiumPath), `Chromium is missing at ${chromiumPath}: install it (apt-get install -y chromium; .ci/run does)`)
    const started = Date.now()
    const step = <T>(label: string, run: () => T): T => {
      const from = Date.now()
      const result = run()
      console.log(`# ${label}: ${((Date.now() - from) / 1000).toFixed(1)} s`)
      return result
    }
    const tarballs = step('npm pack', () => packedTarballs(work))
    copyExample('cli-app', dir, tarballs)
    step('npm install (app)', () => installWithSqlite(dir, 480_000))
    step('npm install (web)', () => sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], join(dir, 'web'), 240_000))
    console.log(`# node_modules: app ${megabytes(join(dir, 'node_modules'))} MB, web ${megabytes(join(dir, 'web/node_modules'))} MB`)
    step('npm run generate', () => sh('npm', ['run', 'generate'], dir, 120_000))
    step('npm run migrate', () => sh('npm', ['run', 'migrate'], dir, 120_000))
    step('npm run compile', () => sh('npm', ['run', 'compile'], dir, 240_000))
    step('npm run build (web)', () => sh('npm', ['run', 'build'], join(dir, 'web'), 240_000))
    console.log(`# set up in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  })

  test('under ts-node (npm run dev): REST and Socket.io', async () => {
    const app = await startApp(dir, 'dev', env)
    try {
      const { token } = await driveRest(app, 'dev@example.com')
      driveSocket(app, dir, 'dev@example.com', token)
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output().slice(-3000)}`, { cause: error })
    } finally {
      await app.stop()
    }
  })

  test("from tsc's output (npm start): REST, Socket.io and the web page in Chromium", async () => {
    const app = await startApp(dir, 'start', env)
    try {
      const { token } = await driveRest(app, 'prod@example.com')
      driveSocket(app, dir, 'prod@example.com', token)
      await drivePage(app, 'prod@example.com', token)
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output().slice(-3000)}`, { cause: error })
    } finally {
      await app.stop()
    }
  })
})
