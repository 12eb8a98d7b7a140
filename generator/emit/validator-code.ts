import { TypeCompiler } from '@sinclair/typebox/compiler'
import type { TSchema } from '@sinclair/typebox'
import { declareOnce, useDeclaration, useHelper } from './code-unit.js'
import type { CodeUnit, Declaration } from './code-unit.js'
import { memoize } from './emit-cache.js'
import { schemaKind } from './schema-reflect.js'
import { memoByStructure } from './structure-memo.js'
import { removeStubs, repeatedObjects, withSharedChecks } from './shared-subschemas.js'

// The one module of the emitters that uses TypeBox's compiler. `TypeCompiler.Code` returns the
// body of a function taking `kind`, `format` and `hash` and returning the check; TypeBox itself
// would hand it to `new Function`. We write it into validators.ts instead, inside an arrow
// function called once at module load, with those three names imported from the runtime: the
// server evaluates no code from strings.

/** The runtime helpers TypeBox's code may call, and how a call of each looks. */
const HELPER_CALLS = (['kind', 'format', 'hash'] as const).map((helper) => [helper, new RegExp(`\\b${helper}\\(`)] as const)

/** The code of `schema`'s check as TypeBox writes it, made acceptable to strict TypeScript. */
function compile(unit: CodeUnit, schema: TSchema, references: readonly TSchema[], shared: ReadonlySet<object>): (name: string) => string {
  const rewritten = withSharedChecks(schema, shared, (sub) => sharedCheck(unit, sub, references, shared))
  // Two spots of TypeBox's TypeScript output that TypeScript rejects: an annotated for-of binding
  // (`for(const value: any of array)`; the arrays are `any`, so no annotation is needed) and the
  // empty known-keys list of an object without properties (`[].includes(key)`: a `never[]`).
  const code = removeStubs(TypeCompiler.Code(rewritten.schema, [...references], { language: 'typescript' }), rewritten.stubs)
    .replaceAll('for(const value: any of ', 'for(const value of ')
    .replaceAll('[].includes(key)', '([] as string[]).includes(key)')
    // An array of `Any` checks each element against `true`: its loop binding goes unread.
    .replaceAll('for(const value of array) if(!((true)))', 'for(const _value of array) if(!((true)))')
  // A check that accepts or refuses everything (`Any`, `Never`) never reads its parameter.
  const entry = 'return function check(value: any): boolean {'
  const at = code.lastIndexOf(entry)
  const usesValue = at < 0 || /\bvalue\b/.test(code.slice(at + entry.length))
  const checked = usesValue ? code : `${code.slice(0, at)}return function check(_value: any): boolean {${code.slice(at + entry.length)}`
  for (const [helper, call] of HELPER_CALLS) if (call.test(checked)) useHelper(unit, helper)
  const indented = `  ${checked.replaceAll('\n', '\n  ')}`
  return (name) => `const ${name}: (value: unknown) => boolean = (() => {\n${indented}\n})()`
}

/** Per unit: JSON text → check of a shared sub-schema whose check follows from its JSON. */
const standalone = new WeakMap<CodeUnit, Map<string, Declaration>>()

/** Kinds whose compiled check follows from their JSON alone (no symbols, functions or bigints). */
const JSON_KINDS = new Set(['Object', 'Integer', 'Number', 'String', 'Boolean', 'Null', 'Literal', 'Union', 'Array', 'Tuple'])

/**
 * True when `node`'s check depends on its JSON only: nothing below it is shared, has an `$id` or
 * refers elsewhere, and every node is of a kind in `JSON_KINDS`.
 */
function jsonOnly(node: unknown, shared: ReadonlySet<object>, isRoot = true): boolean {
  if (typeof node !== 'object' || node === null) return typeof node !== 'bigint' && typeof node !== 'function'
  if (!isRoot && shared.has(node)) return false
  const record = node as Record<string, unknown>
  // Objects without a kind are what holds schemas (`properties`, `anyOf`) or plain JSON values.
  const kind = schemaKind(node as TSchema)
  if (kind !== undefined && !JSON_KINDS.has(kind)) return false
  if (record['$ref'] !== undefined || (!isRoot && record['$id'] !== undefined)) return false
  return Object.values(record).every((value) => jsonOnly(value, shared, false))
}

/**
 * The check of a shared sub-schema. Every service's operators of a `Type.Integer()` field are
 * equal objects: compiled once per unit, not once per service (6,000 compiles at 500 services).
 */
function sharedCheck(unit: CodeUnit, sub: TSchema, references: readonly TSchema[], shared: ReadonlySet<object>): string {
  // One compile meets a sub-schema again in the compile of a shared object holding it (the filter of
  // a query holds each property's operators): within it the answer is the same declaration.
  let met = metIn.get(shared)
  if (met === undefined) metIn.set(shared, met = new Map())
  const again = met.get(sub)
  if (again !== undefined) {
    useDeclaration(unit, again)
    return again.name
  }
  const declaration = unit.byName.get(sharedCheckName(unit, sub, references, shared))!
  met.set(sub, declaration)
  return declaration.name
}

/** Per `shared` set (one `declareCheck`): sub-schema → the declaration of its check. */
const metIn = new WeakMap<ReadonlySet<object>, Map<object, Declaration>>()

function sharedCheckName(unit: CodeUnit, sub: TSchema, references: readonly TSchema[], shared: ReadonlySet<object>): string {
  const declare = () => declareOnce(unit, 'check', () => compile(unit, sub, references, shared))
  if (!jsonOnly(sub, shared)) return declare()
  let known = standalone.get(unit)
  if (known === undefined) standalone.set(unit, known = new Map())
  const key = JSON.stringify(sub)
  const found = known.get(key)
  if (found !== undefined) {
    useDeclaration(unit, found)
    return found.name
  }
  const name = declare()
  known.set(key, unit.byName.get(name)!)
  return name
}

/** The name of a `(value: unknown) => boolean` check for `schema` resolving `$ref`s against `references`, declared once. */
export function declareCheck(unit: CodeUnit, schema: TSchema, references: readonly TSchema[]): string {
  const shared = repeatedObjects(schema)
  return declareOnce(unit, 'check', () => compile(unit, schema, references, shared))
}

/** The name of the check for `schema` (`$ref`s resolving against the unit's references), emitted into `unit` once. */
export function checkFor(unit: CodeUnit, schema: TSchema): string {
  return memoize(unit, 'check', schema, () => memoByStructure(unit, 'check', schema, () => declareCheck(unit, schema, [...unit.references.values()]), true))
}
