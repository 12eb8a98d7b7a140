import type { Change } from './change.js'

/** What `diff` prints and returns as data: counts and every change. */
export interface DiffReport {
  breaking: number
  warnings: number
  safe: number
  changes: Change[]
}

/** Counts the verdicts of a list of changes. */
export function summarize(changes: readonly Change[]): DiffReport {
  const count = (verdict: Change['verdict']) => changes.filter((c) => c.verdict === verdict).length
  return { breaking: count('breaking'), warnings: count('warning'), safe: count('safe'), changes: [...changes] }
}

/** One line per change: `breaking  messages: data: text: maxLength lowered from 500 to 200`, then a summary. */
export function formatChanges(report: DiffReport): string[] {
  const lines = report.changes.map((c) => {
    const where = [c.service, c.where, c.path].filter((part) => part !== '').join(': ')
    return `${c.verdict.padEnd(8)}  ${where}: ${c.message}`
  })
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const summary = report.changes.length === 0
    ? 'no changes on the wire'
    : `${plural(report.breaking, 'breaking change')}, ${plural(report.warnings, 'warning')}, ${plural(report.safe, 'safe change')}`
  return [...lines, summary]
}
