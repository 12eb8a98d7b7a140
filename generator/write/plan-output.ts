import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { GENERATED_MARK, isGenerated } from '../emit/header.js'
import type { GeneratedFile } from '../model/model.js'
import { recall, remember } from './output-memory.js'
import type { OutputMemory } from './output-memory.js'
import { sameText, textStart } from './text-parts.js'

/** What writing would do to one file of the out directory. */
export type FileAction =
  | { name: string; action: 'create' | 'update'; text: readonly string[] }
  | { name: string; action: 'unchanged' }
  | { name: string; action: 'delete' }

/** A file in the way: present in the out directory but not written by feathers-sio-gen. */
export interface OutputConflict {
  name: string
  message: string
}

/** Everything writing would do, worked out before anything is touched. */
export interface OutputPlan {
  outDir: string
  actions: FileAction[]
  conflicts: OutputConflict[]
}

/**
 * Compares generated files with the out directory. A file without the generated header is never
 * ours to replace: it becomes a conflict, and nothing is written. Generated files that the current
 * schemas no longer produce are deleted; any other file is left alone. `memory` (kept by
 * `--watch`) spares reading files that have not changed since this process last saw them.
 */
export async function planOutput(outDir: string, files: readonly GeneratedFile[], memory?: OutputMemory): Promise<OutputPlan> {
  const plan: OutputPlan = { outDir, actions: [], conflicts: [] }
  const kind = await stat(outDir).catch(() => undefined)
  if (kind !== undefined && !kind.isDirectory()) {
    plan.conflicts.push({ name: '.', message: `${outDir} exists and is not a directory` })
    return plan
  }
  const existing = kind === undefined ? [] : (await readdir(outDir, { withFileTypes: true }))
  const names = new Set(files.map((file) => file.name))
  for (const file of files) {
    const entry = existing.find((e) => e.name === file.name)
    const text = file.parts ?? [file.content]
    if (entry === undefined) {
      plan.actions.push({ name: file.name, action: 'create', text })
      continue
    }
    const path = join(outDir, file.name)
    const current = entry.isFile() ? await recall(memory, path) ?? [await readFile(path, 'utf8')] : undefined
    if (current === undefined || !isGenerated(textStart(current, GENERATED_MARK.length))) {
      plan.conflicts.push({
        name: file.name,
        message: `${join(outDir, file.name)} was not written by feathers-sio-gen (no generated header); move it away or choose another --out`,
      })
    } else if (sameText(current, text)) {
      plan.actions.push({ name: file.name, action: 'unchanged' })
      await remember(memory, path, current)
    } else {
      plan.actions.push({ name: file.name, action: 'update', text })
    }
  }
  for (const entry of existing) {
    if (names.has(entry.name) || !entry.isFile() || !/\.ts$/.test(entry.name)) continue
    const current = await readFile(join(outDir, entry.name), 'utf8')
    if (isGenerated(current)) plan.actions.push({ name: entry.name, action: 'delete' })
  }
  plan.actions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return plan
}
