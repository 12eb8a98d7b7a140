/** Calls `fn(input)` in batches until `budgetMs` has passed; returns calls per second. */
export function opsPerSecond(fn: (input: unknown) => unknown, input: unknown, budgetMs: number): number {
  let sink = 0
  let calls = 0
  const started = performance.now()
  let elapsed = 0
  do {
    for (let i = 0; i < 1000; i++) if (fn(input)) sink++
    calls += 1000
    elapsed = performance.now() - started
  } while (elapsed < budgetMs && calls < 50_000_000)
  if (sink < 0) console.log(sink) // keeps the results alive
  return calls / (elapsed / 1000)
}
