import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { generate } from '../../generator/generate.js'
import { repoRoot } from './cli-sandbox.js'

/** A generated fixture's `server.ts`, imported; `remove()` deletes the folder it was written to. */
export interface GeneratedFixture {
  server: Record<string, any>
  remove(): void
}

/**
 * Generates `test/fixtures/<name>` into a fresh folder under `.tmp/` (inside the repository, so
 * `feathers-sio-gen/server` resolves) and imports its `server.ts`, as an app would.
 */
export async function generateFixture(name: string): Promise<GeneratedFixture> {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(repoRoot, '.tmp', `${name}-`))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  try {
    const result = await generate({ schemaDir: join('test/fixtures', name), outDir: dir, cwd: repoRoot })
    if (result.status !== 'ok') throw new Error(`generating ${name}: ${JSON.stringify(result.diagnostics)}`)
    return { server: await import(pathToFileURL(join(dir, 'server.ts')).href) as Record<string, any>, remove }
  } catch (error) {
    remove()
    throw error
  }
}
