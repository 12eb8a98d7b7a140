import type { Diagnostic } from './model.js'

/** One line for stderr: `schemas/users.ts: users: data.createdAt: message` (empty parts left out). */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return [diagnostic.file, diagnostic.subject, diagnostic.path, diagnostic.message]
    .filter((part) => part !== undefined && part !== '')
    .join(': ')
}

/** Diagnostics in a stable order: by file, then subject, then path, then message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.file, d.subject ?? '', d.path, d.message]
  return [...diagnostics].sort((a, b) => {
    const ka = key(a), kb = key(b)
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1
    return 0
  })
}
