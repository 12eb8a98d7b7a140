import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { generate } from 'feathers-sio-gen/generator'
import { measured, missing, ratioOf } from './harness/result.js'
import type { Cell, Section } from './harness/result.js'
import { freshDir, writeFiles } from './harness/workspace.js'
import { emitOurSchemas } from './synth/emit-ours.js'
import { synthesizeServices } from './synth/synthesize-services.js'

/** Options of the bundle benchmark. */
export interface BundleOptions {
  services: number
}

const entries = {
  generated: `import { io } from 'socket.io-client'
import { createClient } from './generated/client.js'
export const client = createClient(io('/'))
`,
  runtime: `import { io } from 'socket.io-client'
import { createClientApp } from 'feathers-sio-gen/client'
export const client = createClientApp(io('/'), {})
`,
  official: `import { feathers } from '@feathersjs/feathers'
import socketio from '@feathersjs/socketio-client'
import { io } from 'socket.io-client'
export const client = feathers().configure(socketio(io('/')))
`,
  typebox: (modules: readonly string[]) => `import { feathers } from '@feathersjs/feathers'
import socketio from '@feathersjs/socketio-client'
import { io } from 'socket.io-client'
${modules.map((m, i) => `import * as schemas${i} from './schemas/${m}'`).join('\n')}
export const client = feathers().configure(socketio(io('/')))
export const schemas = [${modules.map((_, i) => `schemas${i}`).join(', ')}]
`,
}

/** esbuild (browser, ESM, minified) then gzip -9: bytes minified and gzipped. */
async function measureBundle(dir: string, name: string): Promise<{ minBytes: number; gzipBytes: number }> {
  const outfile = join(dir, `${name}.bundle.js`)
  await build({
    entryPoints: [join(dir, `${name}.ts`)], outfile, bundle: true, minify: true, format: 'esm', platform: 'browser',
    conditions: ['feathers-sio-gen-source'], logLevel: 'silent', legalComments: 'none',
  })
  const code = readFileSync(outfile)
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length }
}

/** Bench 5: the generated client for N services in a browser bundle, against its dependencies alone. */
export async function benchBundle(options: BundleOptions): Promise<Section> {
  const dir = freshDir('bundle')
  const specs = synthesizeServices(options.services)
  const schemas = emitOurSchemas(specs)
  writeFiles(join(dir, 'schemas'), schemas)
  const result = await generate({ schemaDir: 'schemas', outDir: 'generated', cwd: dir })
  writeFiles(dir, {
    'generated-entry.ts': entries.generated, 'runtime-entry.ts': entries.runtime, 'official-entry.ts': entries.official,
    'typebox-entry.ts': entries.typebox(Object.keys(schemas).map((f) => f.replace(/\.ts$/, '.js'))),
  })
  const rows = [
    { key: 'generated', label: `(1) generated client for ${options.services} services + its dependencies` },
    { key: 'runtime', label: '(2) its dependencies alone: feathers-sio-gen/client runtime + Feathers client + socket.io-client' },
    { key: 'official', label: '(2\') the official Feathers Socket.io client alone' },
    { key: 'typebox', label: `(3) official client importing the ${options.services} services' TypeBox schemas` },
  ] as const
  const cells: Record<string, { minBytes: Cell; gzipBytes: Cell }> = {}
  for (const row of rows) {
    try {
      if (row.key === 'generated' && result.status !== 'ok') throw new Error(`generation failed: ${result.diagnostics[0]?.message ?? result.status}`)
      const size = await measureBundle(dir, `${row.key}-entry`)
      cells[row.key] = { minBytes: measured([size.minBytes]), gzipBytes: measured([size.gzipBytes]) }
    } catch (error) {
      const reason = missing(error instanceof Error ? error.message.split('\n')[0]! : String(error))
      cells[row.key] = { minBytes: reason, gzipBytes: reason }
    }
  }
  const added = difference(cells.generated!.gzipBytes, cells.runtime!.gzipBytes)
  return {
    id: 'bench 5',
    title: '5. Client bundle',
    tables: [{
      title: 'esbuild --bundle --minify (browser, ESM), then gzip -9',
      columns: [{ key: 'minBytes', label: 'minified', unit: 'bytes', digits: 0 }, { key: 'gzipBytes', label: 'gzipped', unit: 'bytes', digits: 0 }],
      rows: [
        ...rows.map((row) => ({ label: row.label, cells: cells[row.key]! })),
        { label: '(1) - (2): what the generated code adds', cells: { minBytes: difference(cells.generated!.minBytes, cells.runtime!.minBytes), gzipBytes: added } },
        { label: '(1) - (2\'): what feathers-sio-gen adds over the official client', cells: { minBytes: difference(cells.generated!.minBytes, cells.official!.minBytes), gzipBytes: difference(cells.generated!.gzipBytes, cells.official!.gzipBytes) } },
      ],
    }],
    ratios: [
      ratioOf('generated code, gzipped: ((1) - (2)) / 3 KB', added, measured([3072]), { op: '<=', value: 1 }),
      ratioOf('gzipped: (1) / (2\')', cells.generated!.gzipBytes, cells.official!.gzipBytes),
      ratioOf('gzipped: (3) / (1)', cells.typebox!.gzipBytes, cells.generated!.gzipBytes),
    ],
    notes: [
      'Sizes are deterministic: one build each. Every entry creates a client over `io(\'/\')` and exports it, so nothing it needs is tree-shaken away. (3) exports the schema modules so TypeBox and the schemas stay in the bundle, as a client that validates or derives types from schema values at run time would have them.',
    ],
  }
}

/** `a - b` of two one-sample cells. */
function difference(a: Cell, b: Cell): Cell {
  if (a.kind !== 'measured') return a
  if (b.kind !== 'measured') return b
  return measured([a.summary.median - b.summary.median])
}
