// The `asyncapi` and `diff` verbs as a user runs them: real child processes in a sandbox inside
// the repository, real schema folders, a real git repository for --base.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { cpSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { parse } from 'yaml'
import { makeSandbox } from '../helpers/cli-sandbox.js'

const service = (fields: string, extra = '') => `import { Type } from '@sinclair/typebox'
import { defineService } from 'feathers-sio-gen'
export const Item = Type.Object({ id: Type.Integer(), ${fields} }, { additionalProperties: false })
export const items = defineService({
  path: 'items', id: Type.Integer(), result: Item,
  data: Type.Object({ ${fields} }, { additionalProperties: false }),
  methods: ['find', 'get', 'create'], ${extra}
})
`

describe('feathers-sio-gen asyncapi and diff', () => {
  const box = makeSandbox('contract')
  box.copy('schemas', 'schemas')
  box.write('old/items.ts', service(`status: Type.Union([Type.Literal('open'), Type.Literal('done')])`))
  box.write('narrowed/items.ts', service(`status: Type.Union([Type.Literal('open')])`))
  box.write('added/items.ts', service(`status: Type.Union([Type.Literal('open'), Type.Literal('done')])`, `events: { pinged: Type.Object({}) },`))
  box.write('broken/items.ts', 'export const = 1\n')
  after(() => box.remove())

  test('--help lists the new verbs', async () => {
    const run = await box.run('--help')
    assert.equal(run.code, 0)
    assert.match(run.stdout, /feathers-sio-gen asyncapi <schemas-dir> \[--out <file>\]/)
    assert.match(run.stdout, /feathers-sio-gen diff <old-schemas> <new-schemas> \[--json\]/)
    assert.match(run.stdout, /diff --base origin\/main \.\/schemas/)
    assert.equal((await box.run('diff', '--help')).code, 0)
  })

  test('asyncapi prints YAML on stdout; --out writes YAML or JSON by extension', async () => {
    const run = await box.run('asyncapi', 'schemas')
    assert.equal(run.code, 0, run.stderr)
    const doc = parse(run.stdout) as { asyncapi: string; operations: Record<string, unknown> }
    assert.equal(doc.asyncapi, '3.0.0')
    assert.ok('Messages.markRead' in doc.operations)
    const json = await box.run('asyncapi', 'schemas', '--out', 'api/asyncapi.json')
    assert.equal(json.code, 0, json.stderr)
    assert.deepEqual(JSON.parse(box.read('api/asyncapi.json')), doc)
    assert.equal((await box.run('asyncapi', 'schemas', '--out', 'api/asyncapi.yml')).code, 0)
    assert.equal(box.read('api/asyncapi.yml'), `${run.stdout}`)
  })

  test('asyncapi usage errors exit 2; invalid schemas exit 1 with diagnostics', async () => {
    for (const args of [['asyncapi'], ['asyncapi', 'schemas', '--out', 'api.txt'], ['asyncapi', 'nowhere'], ['asyncapi', 'schemas', '--frobnicate']]) {
      const run = await box.run(...args)
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`)
      assert.match(run.stderr, /Usage: feathers-sio-gen asyncapi/)
    }
    box.write('taken.yaml/keep', 'a folder in the way')
    const blocked = await box.run('asyncapi', 'schemas', '--out', 'taken.yaml')
    assert.equal(blocked.code, 1)
    assert.equal(blocked.stderr.trim(), 'feathers-sio-gen asyncapi: cannot write taken.yaml (EISDIR)')
    assert.deepEqual(readdirSync(box.dir).filter((name) => name.startsWith('taken.yaml')), ['taken.yaml'], 'no temporary file is left')
    const broken = await box.run('asyncapi', 'broken')
    assert.equal(broken.code, 1)
    assert.match(broken.stderr, /^broken\/items\.ts: syntax error/m)
    assert.equal(broken.stdout, '')
  })

  test('diff: a narrowed data schema breaks (exit 1), one line per change', async () => {
    const run = await box.run('diff', 'old', 'narrowed')
    assert.equal(run.code, 1, run.stderr)
    assert.match(run.stdout, /^breaking {2}items: data: status: value "done" removed$/m)
    assert.match(run.stdout, /^safe {6}items: result: status: value "done" removed$/m)
    assert.match(run.stdout, /1 breaking change, 0 warnings, 1 safe change/)
  })

  test('diff: additions are safe (exit 0); identical folders report nothing', async () => {
    const added = await box.run('diff', 'old', 'added')
    assert.equal(added.code, 0, added.stdout + added.stderr)
    assert.match(added.stdout, /^safe {6}items: event pinged: event added$/m)
    const same = await box.run('diff', 'old', 'old')
    assert.equal(same.code, 0)
    assert.match(same.stdout, /no changes on the wire/)
  })

  test('diff on the sample: query edits are one line per property, results widened break, the connection warns', async () => {
    box.copy('schemas', 'sample-new')
    const edit = (file: string, from: string, to: string) => {
      const text = box.read(file)
      assert.ok(text.includes(from), `${file} holds ${from}`)
      box.write(file, text.replace(from, to))
    }
    edit('sample-new/messages.ts', "['id', 'userId', 'createdAt']", "['id', 'userId']")
    edit('sample-new/messages.ts', 'text: Type.String({ minLength: 1, maxLength: 500 }),\n    userId', 'text: Type.String({ minLength: 1, maxLength: 1000 }),\n    userId')
    edit('sample-new/users.ts', "Type.Literal('admin')])", "Type.Literal('admin'), Type.Literal('guest')])")
    const run = await box.run('diff', 'schemas', 'sample-new')
    assert.equal(run.code, 1, run.stderr)
    assert.equal(run.stdout, [
      'breaking  messages: query: createdAt: property removed (extra properties are refused, so sending it now fails) (also at $sort.createdAt, $or[].createdAt)',
      'breaking  messages: query: $select[]: value "createdAt" removed',
      'breaking  messages: result: text: maxLength raised from 500 to 1000',
      'breaking  messages: result: user.role: value "guest" added',
      'safe      users: query: role: value "guest" added (also at role.$gt, role.$gte, role.$lt, role.$lte, role.$ne, role.$in[])',
      'breaking  users: result: role: value "guest" added',
      'warning   connection: user.role: value "guest" added (server-side only: check the socket middleware)',
      '5 breaking changes, 1 warning, 1 safe change',
      '',
    ].join('\n'))
  })

  test('diff --json gives the same changes as data', async () => {
    const run = await box.run('diff', 'old', 'narrowed', '--json')
    assert.equal(run.code, 1)
    const report = JSON.parse(run.stdout) as { breaking: number; changes: { service: string; where: string; path: string; verdict: string }[] }
    assert.equal(report.breaking, 1)
    assert.deepEqual(report.changes.map((c) => [c.service, c.where, c.path, c.verdict]), [['items', 'data', 'status', 'breaking'], ['items', 'result', 'status', 'safe']])
  })

  test('diff usage errors exit 2; loading errors on either side exit 1 with the usual diagnostics', async () => {
    for (const args of [['diff'], ['diff', 'old'], ['diff', 'old', 'narrowed', 'added'], ['diff', 'old', 'narrowed', '--frobnicate'], ['diff', 'old', 'nowhere']]) {
      const run = await box.run(...args)
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`)
      assert.match(run.stderr, /Usage: feathers-sio-gen diff/)
    }
    for (const args of [['diff', 'broken', 'old'], ['diff', 'old', 'broken']]) {
      const run = await box.run(...args)
      assert.equal(run.code, 1)
      assert.match(run.stderr, /^broken\/items\.ts: syntax error/m)
      assert.match(run.stderr, /nothing compared/)
    }
  })

  test('diff --base <ref> compares with the folder as it was at a git ref, and cleans up', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: box.dir, stdio: 'pipe' }).toString()
    const inside = (from: string, to: string) => cpSync(join(box.dir, from), join(box.dir, to), { recursive: true })
    git('init', '-q')
    inside('old', 'api')
    // A nested module at the ref: the whole tree below the folder is extracted.
    box.write('api/sub/status.ts', "import { Type } from '@sinclair/typebox'\nexport const Status = Type.Union([Type.Literal('open'), Type.Literal('done')])\n")
    box.write('api/items.ts', box.read('api/items.ts').replace("from 'feathers-sio-gen'", "from 'feathers-sio-gen'\nimport { Status } from './sub/status.js'")
      .replaceAll("status: Type.Union([Type.Literal('open'), Type.Literal('done')])", 'status: Status'))
    git('add', 'api')
    git('commit', '-qm', 'base')
    inside('narrowed', 'api')
    rmSync(join(box.dir, 'api/sub'), { recursive: true })
    const run = await box.run('diff', '--base', 'HEAD', 'api')
    assert.equal(run.code, 1, run.stdout + run.stderr)
    assert.match(run.stdout, /^breaking {2}items: data: status: value "done" removed$/m)
    assert.deepEqual(readdirSync(box.dir).filter((name) => name.includes('.at-')), [], 'the extracted copy is removed')
    assert.equal(git('status', '--porcelain', '--', 'api'), ' M api/items.ts\n D api/sub/status.ts\n', 'the work tree and index are untouched')

    const unknown = await box.run('diff', '--base', 'no-such-ref', 'api')
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /unknown git ref 'no-such-ref'.*fetch-depth/)
    const root = await box.run('diff', '--base', 'HEAD', '.')
    assert.equal(root.code, 2)
    assert.match(root.stderr, /below the repository root/)
    const missing = await box.run('diff', '--base', 'HEAD', 'old')
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /old did not exist at HEAD/)

    box.write('api/items.ts', 'export const = 1\n')
    git('add', 'api')
    git('commit', '-qm', 'broken')
    inside('old', 'api')
    const broken = await box.run('diff', '--base', 'HEAD', 'api')
    assert.equal(broken.code, 1)
    assert.match(broken.stderr, /^api@HEAD\/items\.ts: syntax error/m, broken.stderr)
    assert.doesNotMatch(broken.stderr, /\.at-/, 'messages name the ref, not the temporary copy')
  })
})
