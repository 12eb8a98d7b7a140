import { mkdir, open, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { remember } from './output-memory.js'
import type { OutputMemory } from './output-memory.js'
import type { OutputPlan } from './plan-output.js'

/**
 * Carries out a conflict-free plan. Every new content is first written to a temporary file beside
 * its target; only when all of them are on disk are they renamed into place (rename is atomic
 * within a directory), so a failure part-way leaves the previous files whole. `memory` (kept by
 * `--watch`) learns what each written file now holds.
 */
export async function applyOutput(plan: OutputPlan, memory?: OutputMemory): Promise<void> {
  if (plan.conflicts.length > 0) throw new Error('applyOutput called with conflicts')
  const writes = plan.actions.filter((a) => a.action === 'create' || a.action === 'update')
  const deletes = plan.actions.filter((a) => a.action === 'delete')
  if (writes.length === 0 && deletes.length === 0) return
  await mkdir(plan.outDir, { recursive: true })
  const staged: { temp: string; target: string; text: readonly string[] }[] = []
  try {
    for (const action of writes) {
      const target = join(plan.outDir, action.name)
      const temp = join(plan.outDir, `.${action.name}.${process.pid}.tmp`)
      const text = 'text' in action ? action.text : []
      staged.push({ temp, target, text })
      await writeText(temp, text)
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })))
    throw error
  }
  for (const { temp, target } of staged) await rename(temp, target)
  for (const action of deletes) {
    await rm(join(plan.outDir, action.name), { force: true })
    memory?.delete(join(plan.outDir, action.name))
  }
  for (const { target, text } of staged) await remember(memory, target, text)
}

/** Parts are gathered into writes of about this many characters (few writes, no file-sized string). */
const BATCH = 512 * 1024

/** Writes a text kept in parts, in batches: the whole text is never built as one string. */
async function writeText(file: string, parts: readonly string[]): Promise<void> {
  const handle = await open(file, 'w')
  const flush = async (batch: readonly string[]) => {
    const bytes = Buffer.from(batch.join(''), 'utf8')
    for (let at = 0; at < bytes.length;) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten
  }
  try {
    let batch: string[] = []
    let size = 0
    for (const part of parts) {
      batch.push(part)
      size += part.length
      if (size >= BATCH) {
        await flush(batch)
        batch = []
        size = 0
      }
    }
    await flush(batch)
  } finally {
    await handle.close()
  }
}
