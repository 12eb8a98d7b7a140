import { readFileSync } from 'node:fs'

/**
 * This package's version. The CLI runs from sources (`generator/`) in development and from
 * `dist/generator/` when installed, so look upwards for our own package.json.
 */
export function readVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'feathers-sio-gen' && pkg.version) return pkg.version
    } catch {
      // not here; try one level up
    }
  }
  return 'unknown'
}
