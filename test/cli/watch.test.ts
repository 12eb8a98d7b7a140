import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { after, test } from 'node:test'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { makeSandbox, repoRoot } from '../helpers/cli-sandbox.js'

/** Polls `check` every 50 ms until it returns true, failing after `ms` with `what`. */
async function waitFor(what: string, check: () => boolean, ms = 60_000): Promise<void> {
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

  await waitFor('the first run', () => stdout.includes('watching schemas'), 180_000)
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

test('--watch after a sequence of edits writes byte for byte what a cold run writes', async () => {
  const box = makeSandbox('watch-sequence')
  after(() => box.remove())
  box.copy('schemas', 'schemas')
  const users = box.read('schemas/users.ts')
  const messages = box.read('schemas/messages.ts')
  const child = spawn(process.execPath, [
    '--import', 'tsx', '--conditions=feathers-sio-gen-source', join(repoRoot, 'generator/cli.ts'), 'schemas', '--watch',
  ], { cwd: box.dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  after(() => child.kill('SIGKILL'))
  const runs = () => stdout.match(/done in \d+ ms/g)?.length ?? 0
  let lastRunAt = Date.now()
  child.stdout.on('data', (chunk: Buffer) => { if (/done in \d+ ms/.test(chunk.toString())) lastRunAt = Date.now() })
  await waitFor('the first run', () => stdout.includes('watching schemas'), 180_000)

  const note = (extra: string) => [
    "import { Type } from '@sinclair/typebox'",
    "import { defineService } from 'feathers-sio-gen'",
    "import { User } from './users.js'",
    `export const Note = Type.Object({ id: Type.Integer(), text: Type.String(), author: User${extra} })`,
    "export const notes = defineService({ path: 'notes', id: Type.Integer(), result: Note, data: Type.Object({ text: Type.String() }), methods: ['find', 'create'] })",
    '',
  ].join('\n')
  // Each step: a change (to a module others import, to one nobody imports, a new module, a
  // removed one), then the run it causes, before the next change.
  const steps: [string, () => void][] = [
    ['a shared module', () => box.write('schemas/users.ts', users.replace('role: Type.Union(', 'nickname: Type.Optional(Type.String()),\n    role: Type.Union('))],
    ['a leaf module', () => box.write('schemas/messages.ts', messages.replace('maxLength: 500', 'maxLength: 400'))],
    ['a new module importing a shared one', () => box.write('schemas/notes.ts', note(''))],
    ['the new module again', () => box.write('schemas/notes.ts', note(', tags: Type.Array(Type.String())'))],
    ['the shared module back', () => box.write('schemas/users.ts', users)],
    ['the new module removed', () => rmSync(join(box.dir, 'schemas/notes.ts'))],
    // The session remembers what it wrote; a hand edit of a generated file must still be undone.
    ['a generated file by hand, then a leaf module', () => {
      box.write('generated/server.ts', `${box.read('generated/server.ts')}\n// edited by hand\n`)
      box.write('schemas/messages.ts', messages.replace('maxLength: 500', 'maxLength: 300'))
    }],
    ['the leaf module back, a shared one changed', () => {
      box.write('schemas/messages.ts', messages)
      box.write('schemas/users.ts', users.replace('role: Type.Union(', 'avatar: Type.Optional(Type.String()),\n    role: Type.Union('))
    }],
  ]
  for (const [what, change] of steps) {
    const before = runs()
    change()
    await waitFor(`the run after changing ${what}`, () => runs() > before)
    // Changes of one step may arrive in two runs: go on once no run has ended for half a second.
    let seen = runs()
    await waitFor(`the runs after changing ${what} to settle`, () => {
      const quiet = Date.now() - lastRunAt >= 500 && runs() === seen
      seen = runs()
      return quiet
    })
  }
  assert.equal(stderr.match(/problem/g), null, stderr)
  assert.match(box.read('generated/types.ts'), /avatar\?: string;/)
  assert.doesNotMatch(box.read('generated/types.ts'), /nickname|Note\b/)

  const cold = await box.run('schemas', '--out', 'cold')
  assert.equal(cold.code, 0, cold.stderr)
  const contents = (folder: string) => Object.fromEntries(Object.entries(box.snapshot(folder)).map(([name, file]) => [name, file.content]))
  assert.deepEqual(contents('generated'), contents('cold'))

  child.kill('SIGINT')
  assert.equal(await exited, 0)
})
