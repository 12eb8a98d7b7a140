import type { Style } from './style.js'

/** What a verb of the command needs from the CLI: printing, the working directory, and usage errors. */
export interface CommandIo {
  /** One line to stdout. */
  out: (line: string) => void
  /** Text to stdout as it is (a document). */
  write: (text: string) => void
  /** One line to stderr. */
  err: (line: string) => void
  cwd: string
  style: Style
  /** Prints a usage error with the short usage and returns exit code 2. */
  usageError: (message: string) => number
}
