import { readFileSync } from 'node:fs'
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os'
import { join } from 'node:path'

/** What ran the benchmarks: hardware, OS, Node and the versions of the packages compared. */
export interface MachineInfo {
  cpu: string
  cores: number
  memoryGiB: number
  freeMemoryGiB: number
  os: string
  node: string
  loadAverage: number[]
  packages: Record<string, string>
}

const compared = [
  'feathers-sio-gen', 'typescript', 'typescript-6', '@sinclair/typebox', '@feathersjs/feathers', '@feathersjs/socketio',
  '@feathersjs/socketio-client', '@feathersjs/schema', '@feathersjs/typebox', 'ajv', 'ajv-formats', 'socket.io',
  'socket.io-client', 'esbuild', 'tsx',
]

/** The version a package installed under `root/node_modules` (or the root itself) reports. */
export function packageVersion(root: string, name: string): string {
  const file = name === 'feathers-sio-gen' ? join(root, 'package.json') : join(root, 'node_modules', name, 'package.json')
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  } catch {
    return 'not installed'
  }
}

/** Reads the machine and package versions now. */
export function readMachineInfo(root: string): MachineInfo {
  const list = cpus()
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10,
    freeMemoryGiB: Math.round(freemem() / 2 ** 30 * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    packages: Object.fromEntries(compared.map((name) => [name, packageVersion(root, name)])),
  }
}
