import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

/** A schema folder as it was at a git ref, extracted for loading; `remove` deletes it. */
export interface ExtractedFolder {
  dir: string
  remove: () => Promise<void>
}

/** Raised when the ref or the folder at that ref cannot be had (a usage error, exit 2). */
export class GitRefError extends Error {
  override readonly name = 'GitRefError'
}

/**
 * Extracts `folder` as it was at `ref` (the tree `<ref>:<folder>`, read with git) into a hidden
 * sibling of the folder (`.<name>.at-<random>`): the files come from the ref, while their package
 * scope, `node_modules`, module type and anything imported from outside the folder resolve as
 * for the folder itself. Nothing in the repository or its index is touched.
 */
export async function extractAtRef(folder: string, ref: string): Promise<ExtractedFolder> {
  const absolute = resolve(folder)
  const top = (await git(['rev-parse', '--show-toplevel'], absolute).catch(() => {
    throw new GitRefError(`--base needs ${folder} to be inside a git repository`)
  })).trim()
  const prefix = (await git(['rev-parse', '--show-prefix'], absolute)).trim().replace(/\/$/, '')
  if (prefix === '') throw new GitRefError('--base needs a folder below the repository root, not the root itself')
  await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top).catch(() => {
    throw new GitRefError(`unknown git ref '${ref}' (a CI checkout needs enough history: fetch-depth: 0, or fetch the base branch)`)
  })
  await git(['cat-file', '-e', `${ref}:${prefix}`], top).catch(() => {
    throw new GitRefError(`${folder} did not exist at ${ref}`)
  })
  const dir = await mkdtemp(join(dirname(absolute), `.${basename(absolute)}.at-`))
  const remove = () => rm(dir, { recursive: true, force: true })
  try {
    await writeTree(top, `${ref}:${prefix}`, dir)
  } catch (error) {
    await remove()
    throw error
  }
  return { dir, remove }
}

/** Runs git in `cwd` and resolves to its stdout; rejects with its stderr. */
function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('git', [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = '', err = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (err += chunk))
    child.on('error', fail)
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(err.trim() || `git ${args[0]} exited ${code}`))))
  })
}

/**
 * Writes every file of `tree` under `dir`: `git ls-tree` lists the blobs, one `git cat-file
 * --batch` reads them all. Unlike `git archive`, no `export-ignore`/`export-subst` attribute
 * changes what is extracted, and no `tar` is needed. Symlinks and submodules are skipped.
 */
async function writeTree(cwd: string, tree: string, dir: string): Promise<void> {
  const listing = await git(['ls-tree', '-r', '-z', tree], cwd)
  const files = listing.split('\0').filter((line) => line !== '').flatMap((line) => {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(line)
    return match === null || match[1] === '120000' ? [] : [{ oid: match[2]!, path: match[3]! }]
  })
  const contents = await readBlobs(cwd, files.map((file) => file.oid))
  for (const [index, file] of files.entries()) {
    const target = join(dir, file.path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, contents[index]!)
  }
}

/** The contents of blobs, in order, through one `git cat-file --batch`. */
function readBlobs(cwd: string, oids: readonly string[]): Promise<Buffer[]> {
  if (oids.length === 0) return Promise.resolve([])
  return new Promise((done, fail) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    let errors = ''
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk) => (errors += chunk))
    child.on('error', fail)
    child.on('close', (code) => {
      if (code !== 0) return fail(new GitRefError(`git cat-file failed: ${errors.trim()}`))
      // Each answer: "<oid> blob <size>\n<content>\n".
      const out = Buffer.concat(chunks)
      const blobs: Buffer[] = []
      let at = 0
      for (let i = 0; i < oids.length; i += 1) {
        const end = out.indexOf(10, at)
        const size = Number(out.subarray(at, end).toString().split(' ')[2])
        if (!Number.isInteger(size)) return fail(new GitRefError(`git cat-file: unexpected answer for ${oids[i]}`))
        blobs.push(out.subarray(end + 1, end + 1 + size))
        at = end + 1 + size + 1
      }
      done(blobs)
    })
    child.stdin.end(`${oids.join('\n')}\n`)
  })
}
