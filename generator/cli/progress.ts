/**
 * Says what a long run is doing: each step's message is printed only once the step has taken
 * longer than `afterMs`, so quick runs stay quiet and slow ones (hundreds of modules) never look
 * stuck. Returns the `onProgress` callback for `generate` and a `stop` for when the run ends.
 */
export function createProgress(print: (line: string) => void, afterMs: number) {
  let timer: NodeJS.Timeout | undefined
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  const onProgress = (message: string) => {
    stop()
    if (afterMs <= 0) return print(`${message}…`)
    timer = setTimeout(() => print(`${message}…`), afterMs)
    timer.unref()
  }
  return { onProgress, stop }
}
