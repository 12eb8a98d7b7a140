import { LimitError } from './limit-error.js'

/** One contender of a side-by-side measurement: returns the metrics of one run. */
export interface Contender {
  key: string
  run: (round: number) => Promise<Record<string, number>>
}

/** Samples by contender key, then metric name, in run order. */
export type Samples = Record<string, Record<string, number[]>>

/**
 * Runs every contender `rounds` times, interleaved (a b c, b c a, c a b …): on a noisy machine
 * each round sees roughly the same conditions for every contender, so per-round ratios hold even
 * when absolute numbers drift. A contender that throws is recorded once and skipped after (in
 * `failures`; one stopped at a time limit also in `bounds`, with the limit it reached).
 */
export async function sampleRounds(rounds: number, contenders: readonly Contender[], failures: Map<string, string> = new Map(), bounds: Map<string, number> = new Map()): Promise<Samples> {
  const samples: Samples = Object.fromEntries(contenders.map((c) => [c.key, {}]))
  for (let round = 0; round < rounds; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!)
    for (const contender of order) {
      if (failures.has(contender.key)) continue
      try {
        const metrics = await contender.run(round)
        for (const [name, value] of Object.entries(metrics)) (samples[contender.key]![name] ??= []).push(value)
      } catch (error) {
        failures.set(contender.key, error instanceof Error ? error.message.split('\n')[0]! : String(error))
        if (error instanceof LimitError) bounds.set(contender.key, error.atLeast)
      }
    }
  }
  return samples
}
