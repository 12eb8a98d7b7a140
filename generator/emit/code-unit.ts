import type { TSchema } from '@sinclair/typebox'
import { digest, schemaFingerprint } from './schema-fingerprint.js'
import { schemaKind } from './schema-reflect.js'

/**
 * One declaration of validators.ts: its name (a prefix and the start of `key`, so it depends on
 * content only), its text, the declarations it refers to and the runtime helpers it calls.
 * Declarations are shared between code units (and runs, see emit-cache.ts): a unit that refers
 * to one gets everything it needs with it.
 */
export interface Declaration {
  readonly name: string
  /** The digest of what it was made from (its text with a placeholder for the name, or a schema's fingerprint). */
  readonly key: string
  text: string
  deps: Declaration[]
  helpers: string[]
}

/** What a computation referred to so far: declarations (in first-use order) and helpers. */
export interface Frame {
  deps: Declaration[]
  /** `deps` as a set, made once the list is long (most frames refer to a few). */
  seen: Set<Declaration> | undefined
  helpers: string[]
}

/**
 * The state of one generated code file while it is built: declarations by name (so the same text
 * is declared once; named ones are here while their text is still being built), the schemas
 * `$ref`s resolve to, and the computations under way. What the file holds, and in which order,
 * is what its exports refer to (see `orderDeclarations`), so code reused from an earlier run and
 * code built now come out the same.
 */
export interface CodeUnit {
  byName: Map<string, Declaration>
  /** Prefix → text with a placeholder for the name → declaration, so text met again is not hashed again. */
  byKey: Map<string, Map<string, Declaration>>
  /** `$id` → schema, for `Ref` and `This`. */
  references: Map<string, TSchema>
  /** False when no schema of the unit has a `$ref`: nothing depends on what one resolves to. */
  hasRefs: boolean
  /** The computations under way, innermost last. */
  frames: Frame[]
}

/** A fresh unit resolving `$ref`s against `references`; `hasRefs` false promises no schema of it has a `$ref`. */
export function createCodeUnit(references: Map<string, TSchema>, hasRefs = true): CodeUnit {
  return { byName: new Map(), byKey: new Map(), references, hasRefs, frames: [] }
}

/** Runs `compute` in a new frame, returning its result and what it referred to. */
export function inFrame<T>(unit: CodeUnit, compute: () => T): { value: T; frame: Frame } {
  const frame: Frame = { deps: [], seen: undefined, helpers: [] }
  unit.frames.push(frame)
  try {
    return { value: compute(), frame }
  } finally {
    unit.frames.pop()
  }
}

/** Records that the code being built calls the runtime helper `name` (from `feathers-sio-gen/server`). */
export function useHelper(unit: CodeUnit, name: string): void {
  const frame = unit.frames.at(-1)
  if (frame !== undefined && !frame.helpers.includes(name)) frame.helpers.push(name)
}

/** Records that the code being built refers to `declaration`. */
export function useDeclaration(unit: CodeUnit, declaration: Declaration): void {
  const frame = unit.frames.at(-1)
  if (frame === undefined) return
  if (frame.seen === undefined && frame.deps.length > 16) frame.seen = new Set(frame.deps)
  if (frame.seen === undefined ? frame.deps.includes(declaration) : frame.seen.has(declaration)) return
  frame.seen?.add(declaration)
  frame.deps.push(declaration)
}

/** Two different declarations under one name: emitting either would be wrong code, so stop. */
function collision(name: string): Error {
  return new Error(`feathers-sio-gen internal error: two different declarations hash to the name ${name} in validators.ts`)
}

/**
 * Every declaration `roots` need, each once, each after the ones it refers to (first use first),
 * and the helpers they call. Throws on two different declarations under one name.
 */
export function orderDeclarations(roots: readonly Declaration[]): { declarations: Declaration[]; helpers: Set<string> } {
  const declarations: Declaration[] = []
  const byName = new Map<string, Declaration>()
  const visiting = new Set<string>()
  const helpers = new Set<string>()
  const visit = (declaration: Declaration): void => {
    const existing = byName.get(declaration.name)
    if (existing !== undefined) {
      if (existing.key !== declaration.key) throw collision(declaration.name)
      return
    }
    if (visiting.has(declaration.name)) return // recursive schemas refer to themselves
    visiting.add(declaration.name)
    for (const dep of declaration.deps) visit(dep)
    for (const helper of declaration.helpers) helpers.add(helper)
    byName.set(declaration.name, declaration)
    declarations.push(declaration)
  }
  for (const root of roots) visit(root)
  return { declarations, helpers }
}

/**
 * `text` made one flat string. V8 keeps a string built by concatenation as a tree until it is
 * read; reading a character flattens it. Declarations are kept across `--watch` runs, and joining
 * thousands of trees into validators.ts on every run cost ~20 ms at 500 services; flat, ~5.
 */
function flat(text: string): string {
  text.charCodeAt(0)
  return text
}

/** The declaration already named `name`, after checking it was made from the same `key`. */
function existingDeclaration(unit: CodeUnit, name: string, key: string): Declaration | undefined {
  const existing = unit.byName.get(name)
  if (existing !== undefined && existing.key !== key) throw collision(name)
  return existing
}

/**
 * Emits `template(name)` named by a hash of its text, or returns the name of the identical
 * declaration. `build` runs first (emitting what the text refers to) and returns the template,
 * which must use its argument only as the declared name.
 */
export function declareOnce(unit: CodeUnit, prefix: string, build: () => (name: string) => string): string {
  const { value: template, frame } = inFrame(unit, build)
  const key = template('\u0000')
  let byKey = unit.byKey.get(prefix)
  if (byKey === undefined) unit.byKey.set(prefix, byKey = new Map())
  let declaration = byKey.get(key)
  if (declaration === undefined) {
    const hash = digest(`${prefix}:${key}`)
    const name = `${prefix}_${hash.slice(0, 10)}`
    declaration = existingDeclaration(unit, name, hash) ?? { name, key: hash, text: flat(template(name)), deps: frame.deps, helpers: frame.helpers }
    unit.byName.set(name, declaration)
    byKey.set(key, declaration)
  }
  useDeclaration(unit, declaration)
  return declaration.name
}

/**
 * Emits a declaration for a named (possibly recursive) schema, whose body may refer to its own
 * name: the name is a hash of the schema's fingerprint and is reserved before `build` runs.
 */
export function declareNamed(unit: CodeUnit, prefix: string, schema: TSchema, build: (name: string) => string): string {
  const key = digest(`${prefix}:named:${schemaFingerprint(schema)}`)
  const name = `${prefix}_${key.slice(0, 10)}`
  const existing = existingDeclaration(unit, name, key)
  if (existing !== undefined) {
    useDeclaration(unit, existing)
    return name
  }
  const declaration: Declaration = { name, key, text: '', deps: [], helpers: [] }
  unit.byName.set(name, declaration)
  const { value: text, frame } = inFrame(unit, () => build(name))
  declaration.text = flat(text)
  declaration.deps = frame.deps.filter((dep) => dep !== declaration)
  declaration.helpers = frame.helpers
  useDeclaration(unit, declaration)
  return name
}

/** The schema a `Ref`/`This` points to, or undefined when the `$ref` is unknown. */
export function resolveRef(unit: CodeUnit, schema: TSchema): TSchema | undefined {
  const ref = (schema as { $ref?: unknown }).$ref
  return typeof ref === 'string' ? unit.references.get(ref) : undefined
}

/** A JS string literal. */
export function literal(value: unknown): string {
  return JSON.stringify(value)
}

/** A JSON pointer segment for a fixed key, as `pointer()` computes it at run time. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** What one root holds: its `$id`s (and `Import` `$defs` keys) in visiting order, and whether any `$ref`. */
interface RootIds {
  ids: ReadonlyArray<readonly [string, TSchema]>
  hasRef: boolean
}

const idsByRoot = new WeakMap<object, RootIds>()

function idsInRoot(root: TSchema): RootIds {
  const known = idsByRoot.get(root)
  if (known !== undefined) return known
  const found: RootIds & { ids: Array<readonly [string, TSchema]> } = { ids: [], hasRef: false }
  const seen = new Set<unknown>()
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return
    seen.add(node)
    const record = node as Record<string, unknown>
    if (typeof record.$id === 'string') found.ids.push([record.$id, node as TSchema])
    if (record.$ref !== undefined) found.hasRef = true
    if (schemaKind(node as TSchema) === 'Import' && typeof record.$defs === 'object' && record.$defs !== null) {
      for (const [key, value] of Object.entries(record.$defs)) found.ids.push([key, value as TSchema])
    }
    for (const value of Object.values(record)) if (typeof value === 'object' && value !== null) visit(value)
  }
  visit(root)
  idsByRoot.set(root, found)
  return found
}

/** True when some schema inside `roots` has a `$ref` (kept per root object, like `collectReferences`). */
export function anyRefs(roots: readonly TSchema[]): boolean {
  return roots.some((root) => idsInRoot(root).hasRef)
}

/**
 * Every schema reachable from `roots` that carries a string `$id` (plus `Import` `$defs` by key);
 * for an `$id` carried twice, the first root's (named schemas come first). Kept per root object,
 * so a `--watch` run walks only the schemas that changed.
 */
export function collectReferences(roots: readonly TSchema[]): Map<string, TSchema> {
  const found = new Map<string, TSchema>()
  for (const root of roots) for (const [id, schema] of idsInRoot(root).ids) if (!found.has(id)) found.set(id, schema)
  return found
}
