import { relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A one-line, path-relative description of why a schema module failed to load. esbuild's syntax
 * errors arrive as "Transform failed with 1 error:\n/abs/file.ts:3:9: ERROR: …"; a throw arrives
 * as any value. Users get the message and the schema location, never a raw stack only.
 */
export function describeLoadError(error: unknown, cwd: string): string {
  // Node's "Require stack:" list repeats the file, and tsx's `?namespace=…` suffix is ours, not the user's.
  const raw = (error instanceof Error ? error.message : String(error))
    .split('\nRequire stack:')[0]!
    .replace(/\?namespace=[\w-]+/g, '')
  const shortened = raw
    .replace(/file:\/\/[^\s:)]+/g, (url) => relativePath(fileURLToPath(url.replace(/\?.*$/, '')), cwd))
    .replace(/(^|[\s(])(\/[^\s:)]+\.(?:m?ts|m?js))/g, (_m, lead: string, path: string) => lead + relativePath(path, cwd))
  const lines = shortened.split('\n').map((line) => line.trim()).filter((line) => line !== '')
  // "Transform failed with 1 error:" is esbuild's preamble; the detail is on the next line.
  const detail = lines.length > 1 && /^Transform failed/.test(lines[0]!) ? lines.slice(1).join('; ') : lines.join('; ')
  // A syntax error's detail already names file:line:column; a throw gets its first user frame.
  const where = error instanceof Error && !/\.m?[jt]s:\d+:\d+/.test(detail) ? locateInStack(error.stack, cwd) : undefined
  const kind = error instanceof SyntaxError || /Transform failed|ERROR:/.test(raw) ? 'syntax error' : 'threw while loading'
  return `${kind}: ${detail || '(no message)'}${where ? ` (at ${where})` : ''}`
}

/** The first stack frame outside node_modules and node internals, relative to `cwd`. */
function locateInStack(stack: string | undefined, cwd: string): string | undefined {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const match = /(file:\/\/[^\s)]+|\/[^\s:()]+):(\d+):(\d+)/.exec(line)
    if (!match || match[1]!.includes('/node_modules/') || match[1]!.startsWith('node:')) continue
    const file = match[1]!.startsWith('file:') ? fileURLToPath(match[1]!.replace(/\?.*$/, '')) : match[1]!
    return `${relativePath(file, cwd)}:${match[2]}`
  }
  return undefined
}

function relativePath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/')
}
