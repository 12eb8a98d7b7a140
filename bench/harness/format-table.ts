import type { Cell, Column, Ratio, Section, Table } from './result.js'
import { missedBy } from './result.js'

/** A number with a sensible number of digits for its size. */
export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return String(value)
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2)
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
}

/** `median (min–max)`, or `not measured: why`. */
export function formatCell(cell: Cell | undefined, column?: Pick<Column, 'digits'>): string {
  if (cell === undefined) return '–'
  if (cell.kind === 'missing') return cell.atLeast === undefined ? `not measured: ${cell.reason}` : `over ${formatNumber(cell.atLeast, 0)} (stopped: ${cell.reason})`
  const { median, min, max, n } = cell.summary
  const f = (v: number) => formatNumber(v, column?.digits)
  return n === 1 || min === max ? f(median) : `${f(median)} (${f(min)}–${f(max)})`
}

const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

/** A markdown table: one row per variant, one column per metric. */
export function formatTable(table: Table): string {
  const head = ['', ...table.columns.map((c) => (c.unit === '' ? c.label : `${c.label} (${c.unit})`))]
  const lines = [
    `| ${head.map(escape).join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...table.rows.map((row) => `| ${[row.label, ...table.columns.map((c) => formatCell(row.cells[c.key], c))].map(escape).join(' | ')} |`),
  ]
  return [`**${table.title}**`, '', ...lines].join('\n')
}

/** One line for a ratio: value, range, target and verdict (with how far off when missed). */
export function formatRatio(ratio: Ratio): string {
  const value = ratio.atLeast === undefined ? formatCell(ratio.cell, { digits: 2 }) : `more than ${formatNumber(ratio.atLeast, 2)} (${formatCell(ratio.cell)})`
  const target = ratio.target === undefined ? '' : ` — target ${ratio.target.op} ${ratio.target.value}`
  const by = missedBy(ratio)
  const verdict = ratio.status === 'missed' ? `: **missed** by ${ratio.atLeast === undefined ? '' : 'more than '}${formatNumber(by ?? 0, 1)}%`
    : ratio.status === 'met' ? ': met' : ratio.status === 'not measured' && ratio.target !== undefined ? ': not measured' : ''
  return `- ${ratio.label} = ${value}${target}${verdict}`
}

/** A whole benchmark section in markdown. */
export function formatSection(section: Section): string {
  const parts = [`## ${section.title}`, '', ...section.tables.flatMap((t) => [formatTable(t), ''])]
  if (section.ratios.length > 0) parts.push('Ratios (median of per-run ratios, min–max):', '', ...section.ratios.map(formatRatio), '')
  if (section.notes.length > 0) parts.push(...section.notes.map((n) => `- ${n}`), '')
  return parts.join('\n')
}
