import { relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A one-line, path-relative description of why a schema module failed to load. esbuild's syntax
 * errors arrive as "Transform failed with 1 error:\n/abs/file.ts:3:9: ERROR: …"; a throw arrives
 * as any value. Users get the message and the schema location, never a raw stack only.
 */
export function describeLoadError(error: unknown, cwd: string): string {
  // Node's "Require stack:" list repeats the file (its first entry is the requiring module), and
  // the loader's query parameters (tsx's namespace, our versions) are ours, not the user's.
  const [message, requireStack] = (error instanceof Error ? error.message : String(error)).split('\nRequire stack:')
  const raw = message!.replace(QUERY, '')
  const shortened = raw
    .replace(/file:\/\/[^\s:)]+/g, (url) => relativePath(fileURLToPath(url.replace(/\?.*$/, '')), cwd))
    .replace(/(^|[\s(])(\/[^\s:)]+\.(?:m?ts|m?js))/g, (_m, lead: string, path: string) => lead + relativePath(path, cwd))
  const lines = shortened.split('\n').map((line) => line.trim()).filter((line) => line !== '')
  // "Transform failed with 1 error:" is esbuild's preamble; the detail is on the next line.
  const detail = lines.length > 1 && /^Transform failed/.test(lines[0]!) ? lines.slice(1).join('; ') : lines.join('; ')
  // A syntax error's detail already names file:line:column; a throw gets its first user frame.
  const at = error instanceof Error && !/\.[cm]?[jt]s:\d+:\d+/.test(detail) ? locateInStack(error.stack, cwd) : undefined
  const where = at !== undefined ? `at ${at}` : requiredFrom(requireStack, cwd)
  const kind = error instanceof SyntaxError || /Transform failed|ERROR:/.test(raw) ? 'syntax error' : 'threw while loading'
  return `${kind}: ${detail || '(no message)'}${where ? ` (${where})` : ''}`
}

// The generator's own folder (generator/ or dist/generator/): its frames are never the user's.
const GENERATOR = fileURLToPath(new URL('..', import.meta.url))

const QUERY = /[?&](?:namespace|tsx-namespace|v)=[\w%-]+/g

/**
 * The first stack frame in a file of the user's, relative to `cwd`: not in node_modules, not
 * Node's own (`node:internal/…`), not a `data:` module tsx builds to bridge to CommonJS.
 */
function locateInStack(stack: string | undefined, cwd: string): string | undefined {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    // A path starts a frame's location: after "at " or "(", never inside "node:internal/…".
    const match = /(?:^\s*at |\()(file:\/\/[^\s)]+?|\/[^\s:()]+):(\d+):(\d+)\)?\s*$/.exec(line)
    if (!match || match[1]!.includes('/node_modules/')) continue
    const file = match[1]!.startsWith('file:') ? fileURLToPath(match[1]!.replace(/\?.*$/, '')) : match[1]!.replace(/\?.*$/, '')
    if (file.startsWith(GENERATOR)) continue
    return `${relativePath(file, cwd)}:${match[2]}`
  }
  return undefined
}

/** "Require stack:\n- /abs/file.ts?…": the module whose require failed, relative to `cwd`. */
function requiredFrom(requireStack: string | undefined, cwd: string): string | undefined {
  const first = /^\s*-\s*(\S+)/m.exec(requireStack ?? '')?.[1]
  if (first === undefined || first.includes('/node_modules/')) return undefined
  return `required from ${relativePath(first.replace(/\?.*$/, ''), cwd)}`
}

function relativePath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/')
}
