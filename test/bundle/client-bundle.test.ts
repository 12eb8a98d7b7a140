// The generated client bundles for the browser without TypeBox or validators: esbuild bundles an
// entry importing test/.generated/client.ts (minified), the metafile's inputs are searched, and
// the minified and gzipped sizes are printed.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { repoRoot } from '../helpers/cli-sandbox.js'

/** Bundles `source` (an entry module in a temporary folder of the repository) for the browser. */
async function bundle(source: string) {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', 'client-bundle-'))
  try {
    writeFileSync(join(dir, 'entry.ts'), source.replaceAll('@generated/', `${relative(dir, join(repoRoot, 'test/.generated'))}/`))
    const result = await build({
      entryPoints: [join(dir, 'entry.ts')], bundle: true, minify: true, format: 'esm', platform: 'browser',
      conditions: ['feathers-sio-gen-source'], metafile: true, write: false, logLevel: 'silent',
    })
    const code = result.outputFiles[0]?.contents ?? new Uint8Array()
    const output = Object.values(result.metafile.outputs)[0]
    // What this project adds on top of Feathers and socket.io: the generated file and the runtime.
    const own = Object.entries(output?.inputs ?? {})
      .filter(([input]) => !input.includes('node_modules/'))
      .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0)
    return { inputs: Object.keys(result.metafile.inputs), code, own, gzipped: gzipSync(code, { level: 9 }).length }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Inputs that are TypeBox, a validator, or a schema compiler. */
const forbidden = (inputs: string[]) => inputs.filter((input) => /@sinclair\/typebox|validators?\.|(^|\/)ajv|runtime\/(server|schema)\//.test(input))

const ENTRY = `import { io } from 'socket.io-client'
import { createClient } from '@generated/client.js'
export const client = createClient(io('https://chat.example', { autoConnect: false }))
`

test('a generated client bundles without TypeBox or validators', async () => {
  const { inputs, code, own, gzipped } = await bundle(ENTRY)
  assert.deepEqual(forbidden(inputs), [])
  // It did bundle the real client: the generated file, the runtime and the Feathers socket client.
  for (const expected of ['test/.generated/client.ts', 'runtime/client/create-client.ts', '@feathersjs/socketio-client', 'socket.io-client']) {
    assert.ok(inputs.some((input) => input.includes(expected)), `${expected} not in the bundle`)
  }
  console.log(`# client bundle (createClient + Feathers client + socket.io-client): ${code.length} bytes minified, ${gzipped} bytes gzipped; generated client + runtime: ${own} bytes minified`)
  assert.ok(code.length < 200_000, `bundle unexpectedly large: ${code.length} bytes`)
})

test('the check finds TypeBox when an entry does pull it in', async () => {
  const { inputs } = await bundle(`${ENTRY}import { Type } from '@sinclair/typebox'\nexport const schema = Type.String()\n`)
  assert.ok(forbidden(inputs).some((input) => input.includes('@sinclair/typebox')))
})
