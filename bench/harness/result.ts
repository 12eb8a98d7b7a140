import type { Summary } from './stats.js'
import { summarize } from './stats.js'

/** One measured quantity: the raw samples of each run (in run order) and their summary. */
export interface Measured {
  kind: 'measured'
  samples: number[]
  summary: Summary
}

/** A quantity that could not be measured, and why; never replaced by a made-up number. */
export interface Missing {
  kind: 'missing'
  reason: string
  /** Set when a run was stopped at a limit: the quantity is at least this (a lower bound). */
  atLeast?: number
}

/** A table cell. */
export type Cell = Measured | Missing

/** A column of a table: which metric, how it is labelled and printed. */
export interface Column {
  key: string
  label: string
  unit: string
  /** Digits after the point (default: chosen by magnitude). */
  digits?: number
}

/** One row of a table: a variant, its cells by column key. */
export interface Row {
  label: string
  cells: Record<string, Cell>
}

/** A table of one benchmark. */
export interface Table {
  title: string
  columns: Column[]
  rows: Row[]
}

/** A goal for a ratio: `op value`, e.g. `<= 1.2`. */
export interface Target {
  op: '<=' | '>='
  value: number
}

/** A ratio of two cells, paired run by run (runs are interleaved, so each pair saw the same noise). */
export interface Ratio {
  label: string
  cell: Cell
  target?: Target
  /** met / missed against the target, `info` without one, `not measured` when a side is missing. */
  status: 'met' | 'missed' | 'info' | 'not measured'
  /** For a run stopped at a limit: the ratio is at least this (enough to call a `<=` target missed). */
  atLeast?: number
}

/** Everything one benchmark reports. */
export interface Section {
  id: string
  title: string
  tables: Table[]
  ratios: Ratio[]
  notes: string[]
}

/** A cell from samples; an empty list means the quantity was not measured. */
export function measured(samples: readonly number[], reasonIfEmpty = 'no samples'): Cell {
  if (samples.length === 0) return { kind: 'missing', reason: reasonIfEmpty }
  return { kind: 'measured', samples: [...samples], summary: summarize(samples) }
}

/** A cell that says why it has no number (and, for a run stopped at a limit, a lower bound). */
export function missing(reason: string, atLeast?: number): Missing {
  return atLeast === undefined ? { kind: 'missing', reason } : { kind: 'missing', reason, atLeast }
}

/**
 * `numerator / denominator`, paired by run index: the median of the per-run ratios with their
 * range. With a target, the median decides met or missed.
 */
export function ratioOf(label: string, numerator: Cell | undefined, denominator: Cell | undefined, target?: Target): Ratio {
  const base = target === undefined ? { label } : { label, target }
  if (numerator?.kind === 'missing' && numerator.atLeast !== undefined && denominator?.kind === 'measured' && target?.op === '<=') {
    // Stopped at a limit: the lower bound alone can show a `<=` target missed.
    const atLeast = numerator.atLeast / denominator.summary.median
    if (atLeast > target.value) return { ...base, cell: numerator, status: 'missed', atLeast }
  }
  if (numerator?.kind !== 'measured' || denominator?.kind !== 'measured') {
    const reason = [numerator, denominator].find((c): c is Missing => c?.kind === 'missing')?.reason ?? 'a side was not measured'
    return { ...base, cell: missing(reason), status: 'not measured' }
  }
  const count = Math.min(numerator.samples.length, denominator.samples.length)
  const pairs = Array.from({ length: count }, (_, i) => numerator.samples[i]! / denominator.samples[i]!)
  const cell = measured(pairs.filter(Number.isFinite), 'a side measured zero')
  if (cell.kind === 'missing') return { ...base, cell, status: 'not measured' }
  if (target === undefined) return { ...base, cell, status: 'info' }
  const value = cell.summary.median
  const met = target.op === '<=' ? value <= target.value : value >= target.value
  return { ...base, cell, status: met ? 'met' : 'missed' }
}

/** How far a missed ratio is from its target, as a percentage of the target (a lower bound with `atLeast`). */
export function missedBy(ratio: Ratio): number | undefined {
  if (ratio.status !== 'missed' || ratio.target === undefined) return undefined
  const value = ratio.cell.kind === 'measured' ? ratio.cell.summary.median : ratio.atLeast
  if (value === undefined) return undefined
  return Math.abs(value / ratio.target.value - 1) * 100
}

/** Combines cells run by run (`fn` gets the i-th sample of each); missing if any cell is. */
export function combine(cells: readonly Cell[], fn: (values: number[]) => number): Cell {
  const absent = cells.find((c): c is Missing => c.kind === 'missing')
  if (absent !== undefined) return absent
  const lists = (cells as Measured[]).map((c) => c.samples)
  const count = Math.min(...lists.map((l) => l.length))
  return measured(Array.from({ length: count }, (_, i) => fn(lists.map((l) => l[i]!))).filter(Number.isFinite), 'no finite value')
}
