import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { TSchema } from '@sinclair/typebox'
import { buildDist } from './harness/build-dist.js'
import { measured, missing, ratioOf } from './harness/result.js'
import type { Cell, Ratio, Section } from './harness/result.js'
import { sampleRounds } from './harness/sample-rounds.js'
import type { Contender } from './harness/sample-rounds.js'
import { prepareRoundTrip } from './round-trip/prepare-round-trip.js'
import { roundTripPayload } from './round-trip/round-trip-spec.js'
import { opsPerSecond } from './validation/ops-per-second.js'
import { prepareRegistration, timeRegistration } from './validation/registration.js'
import { validatorsUnderTest } from './validation/validators-under-test.js'

/** Budgets of the validation benchmark. */
export interface ValidationOptions {
  runs: number
  /** Time per ops/s sample. */
  budgetMs: number
  /** How many services to register. */
  services: number
}

const impls = [
  { key: 'ours', label: 'ours (ahead of time, generated)' },
  { key: 'ajv', label: 'Ajv (compiled, Feathers CLI options)' },
  { key: 'ajvAllErrors', label: 'Ajv with allErrors (reports every failure, like ours)' },
  { key: 'typeCompiler', label: 'TypeBox TypeCompiler' },
  { key: 'valueCheck', label: 'TypeBox Value.Check' },
] as const

/** A create payload with three failures: a literal outside the union, a negative id, an unknown key. */
const invalidPayload = { ...roundTripPayload, status: 'pending', ownerId: -1, extra: true }

/** Bench 4: ops/s of four validators on the notes create data, valid and invalid; time to register N services. */
export async function benchValidation(options: ValidationOptions): Promise<Section> {
  const projects = await prepareRoundTrip()
  const oursDir = typeof projects.ours === 'string' ? projects.ours : undefined
  const schemas = await import(pathToFileURL(join(projects.root, 'ours', 'schemas', 'notes.ts')).href) as { NoteInput: TSchema }
  const validators = await validatorsUnderTest(oursDir, schemas.NoteInput, 'validateNotesData')
  const failures = new Map<string, string>()
  const inputs = { valid: roundTripPayload, invalid: invalidPayload }
  const opsContenders: Contender[] = impls.flatMap((impl) => Object.entries(inputs).map(([input, value]) => {
    const key = `${impl.key}/${input}`
    const validator = validators[impl.key]!
    if (typeof validator === 'string') failures.set(key, validator)
    return { key, run: async () => ({ opsPerSecond: opsPerSecond(validator as (v: unknown) => unknown, value, options.budgetMs) }) }
  }))
  for (const [key, validator] of Object.entries(validators)) {
    if (typeof validator === 'string') continue
    if (validator(roundTripPayload) !== true || validator(invalidPayload) === true) failures.set(`${key}/valid`, `${key} disagrees on the inputs`)
  }

  const buildProblem = await buildDist()
  const bundles = await prepareRegistration(options.services)
  const registerContenders: Contender[] = []
  for (const side of ['ours', 'feathersCli'] as const) {
    const bundle = bundles[side]
    const key = `register/${side}`
    if (typeof bundle !== 'string') failures.set(key, bundle.missing)
    else if (side === 'ours' && buildProblem !== undefined) failures.set(key, buildProblem)
    else registerContenders.push({ key, run: () => timeRegistration(bundle) })
  }
  const samples = await sampleRounds(options.runs, [...opsContenders, ...registerContenders].filter((c) => !failures.has(c.key)), failures)
  const cell = (key: string, metric: string): Cell => failures.has(key) ? missing(failures.get(key)!) : measured(samples[key]?.[metric] ?? [])

  const ratios: Ratio[] = [
    ratioOf('valid input, ops/s: ours / Ajv', cell('ours/valid', 'opsPerSecond'), cell('ajv/valid', 'opsPerSecond'), { op: '>=', value: 1 }),
    ratioOf('invalid input, ops/s: ours / Ajv', cell('ours/invalid', 'opsPerSecond'), cell('ajv/invalid', 'opsPerSecond'), { op: '>=', value: 1 }),
    ratioOf('invalid input, ops/s: ours / Ajv with allErrors', cell('ours/invalid', 'opsPerSecond'), cell('ajvAllErrors/invalid', 'opsPerSecond')),
    ratioOf('valid input, ops/s: ours / TypeCompiler', cell('ours/valid', 'opsPerSecond'), cell('typeCompiler/valid', 'opsPerSecond')),
    ratioOf('invalid input, ops/s: ours / TypeCompiler', cell('ours/invalid', 'opsPerSecond'), cell('typeCompiler/invalid', 'opsPerSecond')),
    ratioOf('valid input, ops/s: ours / Value.Check', cell('ours/valid', 'opsPerSecond'), cell('valueCheck/valid', 'opsPerSecond')),
    ratioOf(`register ${options.services} services: Feathers CLI (Ajv) / ours, time`, cell('register/feathersCli', 'registerMs'), cell('register/ours', 'registerMs')),
  ]
  return {
    id: 'bench 4',
    title: '4. Validation',
    tables: [
      {
        title: 'Validating the notes create data (8 properties: strings with lengths, a literal union, integers, a number, a boolean, a string array)',
        columns: [{ key: 'valid', label: 'valid input', unit: 'ops/s', digits: 0 }, { key: 'invalid', label: 'invalid input (3 failures)', unit: 'ops/s', digits: 0 }],
        rows: impls.map((impl) => ({ label: impl.label, cells: { valid: cell(`${impl.key}/valid`, 'opsPerSecond'), invalid: cell(`${impl.key}/invalid`, 'opsPerSecond') } })),
      },
      {
        title: `Registering ${options.services} services on a new app (module evaluation + registration, fresh process each run)`,
        columns: [{ key: 'registerMs', label: 'time', unit: 'ms', digits: 0 }],
        rows: [
          { label: 'ours: generated registerServices (compiles nothing)', cells: { registerMs: cell('register/ours', 'registerMs') } },
          { label: 'Feathers CLI services (getValidator compiles every schema with Ajv)', cells: { registerMs: cell('register/feathersCli', 'registerMs') } },
        ],
      },
    ],
    ratios,
    notes: [
      'Each validator is used as a server uses it: a boolean check, and on failure the list of failures it reports. Ours runs `check` then `errors` (every failure); Ajv runs with the Feathers CLI\'s options (`new Ajv({})` + its formats: stops at the first failure, here the unknown key, which it checks first; the allErrors row collects every failure as ours does); TypeCompiler and Value run `Check` then collect `Errors`.',
      'Registration: the 500-service app of bench 1 (b) as `feathers generate service` writes it (four getValidator calls per service: record, data, patch, query) against the generated `registerServices` for the same schemas; both bundled by esbuild with packages external, libraries imported before the clock starts.',
    ],
  }
}
