import { sampleData, sampleQuery } from '../synth/field-code.js'
import type { ServiceSpec } from '../synth/synthesize-services.js'

/** The same compiler options for all three projects: strict, bundler resolution, no emit. */
export const consumerTsconfig = JSON.stringify({
  compilerOptions: {
    target: 'es2022', lib: ['es2022'], module: 'esnext', moduleResolution: 'bundler', strict: true,
    esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node'],
  },
  files: ['main.ts'],
}, null, 2)

/** Calls every service's find (with a query) and create (with a full record) on `client`. */
function calls(specs: readonly ServiceSpec[]): string[] {
  return specs.flatMap((s) => [
    `  await client.service('${s.path}').find({ query: ${JSON.stringify(sampleQuery(s))} })`,
    `  await client.service('${s.path}').create(${JSON.stringify(sampleData(s))})`,
  ])
}

/** (a) a consumer of our generated client. */
export function oursConsumer(specs: readonly ServiceSpec[]): string {
  return [
    "import { io } from 'socket.io-client'",
    "import { createClient } from './generated/client.js'",
    '',
    "const client = createClient(io('http://localhost:3030'))",
    '',
    'export async function main(): Promise<void> {',
    ...calls(specs),
    // A typed client refuses this; an untyped one (the runtime's declarations not found, hidden
    // by the generated file's @ts-nocheck) would not, and tsc fails instead of measuring nothing.
    ...specs.slice(0, 1).map((s) => `  // @ts-expect-error only the query crosses the socket\n  await client.service('${s.path}').find({ user: 1 })`),
    '}',
    '',
  ].join('\n')
}

/** (b) a consumer of a Feathers CLI app's client. */
export function feathersCliConsumer(specs: readonly ServiceSpec[]): string {
  return [
    "import socketio from '@feathersjs/socketio-client'",
    "import { io } from 'socket.io-client'",
    "import { createClient } from './src/client'",
    '',
    "const client = createClient(socketio(io('http://localhost:3030')))",
    '',
    'export async function main(): Promise<void> {',
    ...calls(specs),
    '}',
    '',
  ].join('\n')
}

/** (c) a consumer of hand-written interfaces: the floor. */
export function plainConsumer(specs: readonly ServiceSpec[]): string {
  return [
    "import type { Client } from './api.js'",
    '',
    'declare const client: Client',
    '',
    'export async function main(): Promise<void> {',
    ...calls(specs),
    '}',
    '',
  ].join('\n')
}
