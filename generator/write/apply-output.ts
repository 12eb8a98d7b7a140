import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
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
  const staged: { temp: string; target: string; content: string }[] = []
  try {
    for (const action of writes) {
      const target = join(plan.outDir, action.name)
      const temp = join(plan.outDir, `.${action.name}.${process.pid}.tmp`)
      const content = 'content' in action ? action.content : ''
      await writeFile(temp, content, 'utf8')
      staged.push({ temp, target, content })
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
  for (const { target, content } of staged) await remember(memory, target, content)
}
