// Builds the run-time package: one CommonJS build (dist/cjs, with declarations) that `require()`
// loads under ts-node and `tsc` → `node lib/`, and for ES module importers a thin wrapper per entry
// (dist/esm/<entry>/index.mjs) that imports the CommonJS build and re-exports its names. One copy
// of every module runs whichever way an app imports it, so there is no dual-package hazard, and
// the wrapper's explicit export list does not depend on Node guessing CommonJS export names.
// Declarations are emitted twice (dist/cjs and dist/esm): TypeBox and socket.io-client ship one
// set of types per format, and an ES module app's `TSchema` or `Socket` is not the CommonJS one.
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const entries = ['schema', 'server', 'client']

rmSync(join(here, 'dist'), { recursive: true, force: true })
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc')
for (const config of ['tsconfig.build.json', 'tsconfig.types-esm.json']) {
  const compiled = spawnSync(process.execPath, [tsc, '-p', join(here, config)], { stdio: 'inherit' })
  if (compiled.status !== 0) process.exit(compiled.status ?? 1)
}
// This package is "type": "module" (its TypeScript sources are ES modules); the build is not.
writeFileSync(join(here, 'dist/cjs/package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`)

for (const entry of entries) {
  const names = Object.keys(require(join(here, `dist/cjs/${entry}/index.js`))).filter((name) => name !== '__esModule').sort()
  writeFileSync(join(here, `dist/esm/${entry}/index.mjs`), [
    '// The ES module face of the CommonJS build: the same module instance, its names re-exported.',
    `import entry from '../../cjs/${entry}/index.js'`,
    '',
    `export const { ${names.join(', ')} } = entry`,
    'export default entry',
    '',
  ].join('\n'))
}
console.log(`feathers-sio-gen-runtime: built dist/cjs and dist/esm (${entries.join(', ')})`)
