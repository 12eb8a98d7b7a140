import { formatDiagnostic } from '../model/format-diagnostic.js'
import type { GenerateResult } from '../generate.js'
import { relative, sep } from 'node:path'
import type { Style } from './style.js'

/** The lines a finished run prints: for stdout (summary) and stderr (problems), kept apart. */
export interface Report {
  out: string[]
  err: string[]
}

const verbs = { create: 'wrote', update: 'wrote', unchanged: 'unchanged', delete: 'deleted' } as const
const checkVerbs = { create: 'missing', update: 'differs', unchanged: 'current', delete: 'stale (would be deleted)' } as const

/** Turns a result into what the user reads: errors one per line, or a summary of the work. */
export function reportResult(result: GenerateResult, options: { check: boolean; cwd: string; style: Style }): Report {
  const outDir = relative(options.cwd, result.outDir).split(sep).join('/') || '.'
  const shown = (name: string) => `${outDir}/${name}`
  if (result.status === 'invalid') {
    const count = result.diagnostics.length
    return {
      out: [],
      err: [
        ...result.diagnostics.map(formatDiagnostic),
        options.style.error(`feathers-sio-gen: ${count} problem${count === 1 ? '' : 's'} found; nothing was written`),
      ],
    }
  }
  const services = `${result.services.length} service${result.services.length === 1 ? '' : 's'} (${listNames(result.services)})`
  if (options.check) {
    const stale = result.files.filter((f) => f.action !== 'unchanged')
    if (stale.length > 0) {
      return {
        out: [],
        err: [
          ...stale.map((f) => `${shown(f.name)}: ${checkVerbs[f.action]}`),
          options.style.error(`feathers-sio-gen --check: ${stale.length} file${stale.length === 1 ? ' is' : 's are'} out of date; run feathers-sio-gen to update`),
        ],
      }
    }
    return { out: [`feathers-sio-gen --check: ${outDir} is current for ${services} (${result.durationMs} ms)`], err: [] }
  }
  return {
    out: [
      `feathers-sio-gen: ${services} from ${result.modules} module${result.modules === 1 ? '' : 's'}`,
      ...result.files.map((f) => `  ${verbs[f.action].padEnd(9)} ${shown(f.name)}`),
      options.style.ok(`done in ${result.durationMs} ms`),
    ],
    err: [],
  }
}

/** Up to ten names, then how many more: a 500-service summary stays one readable line. */
function listNames(names: readonly string[]): string {
  return names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')}, … ${names.length - 10} more`
}
