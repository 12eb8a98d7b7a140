/** Colours for terminal output, or none: https://no-color.org — `NO_COLOR` (non-empty) always wins. */
export interface Style {
  error: (text: string) => string
  ok: (text: string) => string
  dim: (text: string) => string
}

/** Whether to colour a stream: a terminal, or `FORCE_COLOR`; never with `NO_COLOR` or `TERM=dumb`. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true
  return stream.isTTY === true && env.TERM !== 'dumb'
}

const paint = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`
const plain = (text: string) => text

/** A style that colours when `color` is true and leaves text alone otherwise. */
export function createStyle(color: boolean): Style {
  return color
    ? { error: paint(31, 39), ok: paint(32, 39), dim: paint(2, 22) }
    : { error: plain, ok: plain, dim: plain }
}
