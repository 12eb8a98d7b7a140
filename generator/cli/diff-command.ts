import { relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { compare } from '../compare/compare.js'
import { formatChanges, summarize } from '../compare/format-changes.js'
import { loadModel } from '../load-model.js'
import type { LoadedModel } from '../load-model.js'
import { formatDiagnostic } from '../model/format-diagnostic.js'
import type { CommandIo } from './command-io.js'
import { extractAtRef, GitRefError } from './extract-git-ref.js'

/**
 * `feathers-sio-gen diff <old> <new> [--json]` and `diff --base <git-ref> <dir> [--json]`:
 * load → model (twice) → compare → report. Exit 1 when anything breaks (or either side has
 * schema problems), 0 otherwise, 2 on usage errors (bad arguments, unknown ref).
 */
export async function runDiffCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, base: { type: 'string' } } })
  } catch (error) {
    return io.usageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const wanted = values.base === undefined ? 2 : 1
  if (positionals.length !== wanted) {
    return io.usageError(values.base === undefined
      ? `diff: expected <old-schemas> <new-schemas>, got ${positionals.length} folder${positionals.length === 1 ? '' : 's'}`
      : `diff --base: expected one <schemas-dir>, got ${positionals.length}`)
  }
  let sides: [LoadedModel, LoadedModel]
  if (values.base === undefined) {
    const [old, current] = [positionals[0]!, positionals[1]!]
    sides = [await loadModel(old, io.cwd), await loadModel(current, io.cwd)]
  } else {
    const folder = positionals[0]!
    // The folder must exist now before git is asked about its past.
    const current = await loadModel(folder, io.cwd)
    let extracted
    try {
      extracted = await extractAtRef(resolve(io.cwd, folder), values.base)
    } catch (error) {
      if (error instanceof GitRefError) return io.usageError(error.message)
      io.err(io.style.error(`feathers-sio-gen diff: cannot extract ${folder} at ${values.base}: ${(error as Error).message}`))
      return 1
    }
    try {
      const label = `${folder}@${values.base}`
      const old = await loadModel(extracted.dir, io.cwd, label)
      sides = [renameFiles(old, relative(io.cwd, extracted.dir).split(sep).join('/'), label), current]
    } finally {
      await extracted.remove()
    }
  }
  const [old, current] = sides
  if (old.status === 'invalid' || current.status === 'invalid') {
    const problems = [...(old.status === 'invalid' ? old.diagnostics : []), ...(current.status === 'invalid' ? current.diagnostics : [])]
    problems.map(formatDiagnostic).forEach(io.err)
    io.err(io.style.error(`feathers-sio-gen diff: ${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing compared`))
    return 1
  }
  const report = summarize(compare(old.model, current.model))
  if (values.json) io.write(`${JSON.stringify(report, null, 2)}\n`)
  else formatChanges(report).forEach((line, index, all) => {
    const verdict = report.changes[index]?.verdict
    io.out(index === all.length - 1 ? (report.breaking > 0 ? io.style.error(line) : io.style.ok(line))
      : verdict === 'breaking' ? io.style.error(line) : verdict === 'safe' ? io.style.dim(line) : line)
  })
  return report.breaking > 0 ? 1 : 0
}

/** Diagnostics of the extracted side name `<folder>@<ref>`, not the temporary folder. */
function renameFiles(loaded: LoadedModel, temporary: string, label: string): LoadedModel {
  if (loaded.status === 'ok') return loaded
  const rename = (file: string) => (file.startsWith(`${temporary}/`) ? `${label}/${file.slice(temporary.length + 1)}` : file === temporary ? label : file)
  return { ...loaded, diagnostics: loaded.diagnostics.map((d) => ({ ...d, file: rename(d.file), message: d.message.split(temporary).join(label) })) }
}
