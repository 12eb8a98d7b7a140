import { SchemaDirError } from '../generate.js'
import type { CliIo } from '../cli.js'
import type { Style } from './style.js'
import { usage } from './usage.js'

/** The verbs besides generating: `feathers-sio-gen asyncapi …`, `feathers-sio-gen diff …`. */
export const verbs = ['asyncapi', 'diff'] as const
/** One of `verbs`. */
export type Verb = (typeof verbs)[number]

/** Runs a verb; its modules load only when it is used, so plain generation starts no faster or slower. */
export async function runVerb(verb: Verb, argv: readonly string[], io: CliIo & { style: Style; usageError: (message: string) => number }): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return io.out(usage), 0
  const commandIo = { ...io, write: (text: string) => io.out(text.replace(/\n$/, '')) }
  try {
    if (verb === 'asyncapi') return await (await import('./asyncapi-command.js')).runAsyncApiCommand(argv, commandIo)
    return await (await import('./diff-command.js')).runDiffCommand(argv, commandIo)
  } catch (error) {
    if (error instanceof SchemaDirError) return io.usageError(error.message)
    throw error
  }
}
