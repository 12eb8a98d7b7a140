#!/usr/bin/env node
// The command. Installed from the registry it runs the compiled CLI in dist/ (built on `prepack`,
// so the package runs no install script). In a fresh clone of the repository dist/ is absent
// until `npm run build`: there it runs the TypeScript sources through tsx, with the condition that
// resolves this project's packages to their sources too.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const compiled = new URL('../dist/generator/cli.js', import.meta.url)
const args = process.argv.slice(2)

if (existsSync(compiled)) {
  const { runCli } = await import(compiled.href)
  process.exit(await runCli(args))
} else {
  const source = fileURLToPath(new URL('../generator/cli.ts', import.meta.url))
  const run = spawnSync(process.execPath, [
    '--conditions=feathers-sio-gen-source', '--import', import.meta.resolve('tsx'), source, ...args,
  ], { stdio: 'inherit' })
  process.exit(run.status ?? 1)
}
