import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
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
 * Extracts `folder` as it was at `ref` (`git archive <ref>:<folder> | tar -x`) into a hidden
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
    await archiveInto(top, `${ref}:${prefix}`, dir)
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

/** `git archive --format=tar <tree> | tar -x -C <dir>`, failing if either side fails. */
function archiveInto(cwd: string, tree: string, dir: string): Promise<void> {
  return new Promise((done, fail) => {
    const archive = spawn('git', ['archive', '--format=tar', tree], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] })
    archive.stdout.pipe(tar.stdin)
    let errors = ''
    archive.stderr.on('data', (chunk) => (errors += chunk))
    tar.stderr.on('data', (chunk) => (errors += chunk))
    let pending = 2, failed = false
    const finish = (code: number | null) => {
      if (code !== 0) failed = true
      if (--pending === 0) (failed ? fail(new GitRefError(`could not extract ${tree}: ${errors.trim()}`)) : done())
    }
    archive.on('error', fail)
    tar.on('error', fail)
    archive.on('close', finish)
    tar.on('close', finish)
  })
}
