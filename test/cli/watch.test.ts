import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { after, test } from 'node:test'
import { join } from 'node:path'
import { makeSandbox, repoRoot } from '../helpers/cli-sandbox.js'

/** Polls `check` every 50 ms until it returns true, failing after `ms` with `what`. */
async function waitFor(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

test('--watch regenerates on change, keeps the last good output on a broken edit, recovers on a fix', async () => {
  const box = makeSandbox('watch')
  after(() => box.remove())
  box.copy('schemas', 'schemas')
  const original = box.read('schemas/users.ts')
  const child = spawn(process.execPath, [
    '--import', 'tsx', '--conditions=feathers-sio-gen-source', join(repoRoot, 'generator/cli.ts'), 'schemas', '--watch',
  ], { cwd: box.dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  after(() => child.kill('SIGKILL'))

  await waitFor('the first run', () => stdout.includes('watching schemas'))
  assert.match(stdout, /wrote\s+generated\/types\.ts/)
  assert.doesNotMatch(box.read('generated/types.ts'), /nickname/)

  // An edit: a new optional field appears in the generated User.
  box.write('schemas/users.ts', original.replace(`role: Type.Union(`, `nickname: Type.Optional(Type.String()),\n    role: Type.Union(`))
  await waitFor('the edit to be generated', () => box.read('generated/types.ts').includes('nickname?: string;'))
  assert.match(stdout, /changed: schemas\/users\.ts/)

  // A broken edit: its error is printed and the output stays as it was.
  await waitFor('the write to settle', () => /done in \d+ ms[\s\S]*done in \d+ ms/.test(stdout))
  const good = box.snapshot('generated')
  box.write('schemas/users.ts', original.replace(`password: Type.String({ minLength: 8, maxLength: 128 }),`, `password: Type.String(),\n    birthday: Type.Date(),`))
  await waitFor('the error', () => stderr.includes('keeping the last good output'))
  assert.match(stderr, /schemas\/users\.ts: UserData: birthday: Type\.Date cannot cross the socket/)
  assert.deepEqual(box.snapshot('generated'), good)

  // A fix regenerates.
  box.write('schemas/users.ts', original)
  await waitFor('the fix to be generated', () => !box.read('generated/types.ts').includes('nickname'))

  child.kill('SIGINT')
  assert.equal(await exited, 0)
})
