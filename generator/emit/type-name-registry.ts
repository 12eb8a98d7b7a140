import type { TSchema } from '@sinclair/typebox'
import { identityKey, isSameSchema } from './schema-reflect.js'
import type { TypeRoot } from './plan-type-names.js'

/** What one `register` added. */
export interface Registration {
  key: unknown
  entry: TypeRoot
  ref: string | undefined
  name: string
}

/**
 * The names planned so far: by identity key (a schema and its modifier copies share one), by
 * `$id`, and every name taken. The name planner's only state.
 */
export class TypeNameRegistry {
  private readonly byKey = new Map<unknown, TypeRoot[]>()
  private readonly byRef = new Map<string, string>()
  private readonly used: Set<string>

  constructor(taken: Iterable<string>) {
    this.used = new Set(taken)
  }

  /** The name of `schema`, whose identity key is `key`. */
  lookup(schema: TSchema, key: unknown): string | undefined {
    const list = this.byKey.get(key)
    if (list === undefined) return undefined
    for (const entry of list) if (isSameSchema(schema, entry.schema)) return entry.name
    return undefined
  }

  /** Every identity key with its names, and every `$ref` with its name (for comparing two plans). */
  get registered(): { byKey: ReadonlyMap<unknown, readonly TypeRoot[]>; byRef: ReadonlyMap<string, string> } {
    return { byKey: this.byKey, byRef: this.byRef }
  }

  /** The names registered under an identity key, in order: all that `lookup` reads. */
  entriesAt(key: unknown): readonly TypeRoot[] | undefined {
    return this.byKey.get(key)
  }

  nameOf(schema: TSchema): string | undefined {
    return this.lookup(schema, identityKey(schema))
  }

  refName(ref: string): string | undefined {
    return this.byRef.get(ref)
  }

  hasRef(ref: string): boolean {
    return this.byRef.has(ref)
  }

  take(name: string): void {
    this.used.add(name)
  }

  /** `base`, or `base2`, `base3`, … : the first that is not taken. */
  unique(base: string): string {
    if (!this.used.has(base)) return base
    let counter = 2
    while (this.used.has(`${base}${counter}`)) counter += 1
    return `${base}${counter}`
  }

  /** Names `schema` (and its modifier copies) `name`; its `$id` refers to `name` unless one already does. */
  register(name: string, schema: TSchema): Registration {
    const key = identityKey(schema)
    const entry = { name, schema }
    const list = this.byKey.get(key)
    if (list === undefined) this.byKey.set(key, [entry])
    else list.push(entry)
    const ref = typeof schema.$id === 'string' && !this.byRef.has(schema.$id) ? schema.$id : undefined
    if (ref !== undefined) this.byRef.set(ref, name)
    this.used.add(name)
    return { key, entry, ref, name }
  }
}
