import type { TSchema } from '@sinclair/typebox'
import type { GenModel } from '../../model/model.js'
import { planModelTypes } from '../model-type-plan.js'
import { RESERVED_TYPE_NAMES } from '../type-names.js'
import { componentRef, toJsonSchema } from './json-schema.js'
import type { Json, SchemaNaming } from './json-schema.js'

/** `components.schemas` being built, and how the rest of the document refers into it. */
export interface Components {
  /** The schemas by name, sorted. */
  schemas(): Record<string, Json>
  /**
   * A `$ref` to the component for `schema`: its export name when it is a named schema (or a
   * hoisted recursive one), otherwise `fallback` — the per-service type name of types.ts
   * (`MessagesMarkReadData`) — under which it is then added. So no payload is anonymous.
   */
  ref(schema: TSchema, fallback: string): Json
  /** Adds a component that is not a TypeBox schema (the error, a page); returns its unique name. */
  extra(base: string, body: Json): string
}

/**
 * Plans the components of a document with the names `types.ts` uses, so a reader of the
 * document and of the generated code sees the same names: named schemas under their export
 * names, recursive schemas nested anonymously under their hoisted names, the connection as
 * `Connection`, and per-service schemas under their per-service type names.
 */
export function planComponents(model: GenModel): Components {
  const { named, connection, services, plan } = planModelTypes(model)
  const local = new Map<TSchema, string>()
  const naming: SchemaNaming = {
    nameOf: (schema) => plan.nameOf(schema) ?? local.get(schema),
    refName: (ref) => plan.refName(ref),
  }
  const used = new Set<string>([
    ...RESERVED_TYPE_NAMES, ...named.map((r) => r.name), ...plan.hoisted.map((r) => r.name),
    ...services.flatMap((entry) => entry.roots.map((r) => r.name)),
  ])
  const schemas = new Map<string, Json>()
  const add = (name: string, schema: TSchema) => {
    const planned = naming.nameOf(schema)
    // A schema exported under a second name is an alias of the first, as in types.ts.
    schemas.set(name, planned === undefined || planned === name ? toJsonSchema(schema, naming) : componentRef(planned))
  }
  for (const root of named) add(root.name, root.schema)
  for (const root of plan.hoisted) add(root.name, root.schema)
  if (connection !== undefined) add(connection.name, connection.schema)

  return {
    schemas: () => Object.fromEntries([...schemas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ref(schema, fallback) {
      const planned = naming.nameOf(schema)
      // A recursive per-service schema is planned under its per-service name but not yet written.
      const name = planned ?? fallback
      if (planned === undefined) local.set(schema, fallback)
      if (!schemas.has(name)) schemas.set(name, toJsonSchema(schema, naming))
      return componentRef(name)
    },
    extra(base, body) {
      let name = base
      for (let counter = 2; used.has(name) || schemas.has(name); counter += 1) name = `${base}${counter}`
      used.add(name)
      schemas.set(name, body)
      return name
    },
  }
}
