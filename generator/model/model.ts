import type { TSchema } from '@sinclair/typebox'
import type { MultiMethod, StandardMethod } from 'feathers-sio-gen-runtime'

/** One problem found in the input: where it is (file, service or export, JSON path) and what. */
export interface Diagnostic {
  /** The schema module, relative to the working directory, with `/` separators. */
  file: string
  /** The service path, or the export name for a problem outside any service. */
  subject: string | undefined
  /** The JSON path inside the schema or definition (`data.createdAt`); empty for the whole. */
  path: string
  message: string
}

/** A schema module after it ran: its exports, or why it could not run. */
export type LoadedModule =
  | { file: string; exports: Readonly<Record<string, unknown>> }
  | { file: string; error: string }

/** A schema exported under a name: its name is the name of the generated type. */
export interface NamedSchema {
  name: string
  file: string
  schema: TSchema
}

/** A custom method: `name(data, params)` resolving to `result`. */
export interface CustomMethodModel {
  name: string
  /** `name` in PascalCase, for type names (`markRead` → `MarkRead`). */
  pascal: string
  data: TSchema
  result: TSchema
}

/** A custom real-time event and its payload. */
export interface EventModel {
  name: string
  pascal: string
  schema: TSchema
}

/** One service, every default applied; what the emitters consume. */
export interface ServiceModel {
  path: string
  /** PascalCase of the path (SPEC §3): `users/:userId/posts` → `UsersUserIdPosts`. */
  pascal: string
  file: string
  exportName: string
  /** Listed standard methods, in the order find, get, create, update, patch, remove. */
  methods: StandardMethod[]
  /** The id schema; default `string | number`. */
  id: TSchema
  result: TSchema
  /** Present when the definition has `data`. */
  data: TSchema | undefined
  /** The patch schema: explicit, or `Partial(data)`; undefined when neither exists. */
  patch: TSchema | undefined
  /** The query schema; default an empty closed object. */
  query: TSchema
  paginate: boolean
  /** Methods that accept many records, in the order create, patch, remove. */
  multi: MultiMethod[]
  custom: CustomMethodModel[]
  events: EventModel[]
  /** Route placeholders in path order (`users/:userId/posts` → `['userId']`). */
  routeParams: string[]
}

/** The connection: what socket middleware puts on `socket.feathers`. */
export interface ConnectionModel {
  file: string
  exportName: string
  schema: TSchema
}

/** Everything the emitters need, sorted so that output is deterministic. */
export interface GenModel {
  /** Named schemas, sorted by name; names are unique. */
  schemas: NamedSchema[]
  /** Services, sorted by path. */
  services: ServiceModel[]
  connection: ConnectionModel | undefined
}

/** A generated file in memory: its name inside the out directory and its full text. */
export interface GeneratedFile {
  name: string
  content: string
  /**
   * The same text in pieces (`content` is their concatenation), when the emitter kept it so: the
   * writer compares and writes these without building the whole text (validators.ts of 200
   * services is 5 MB; building it on every `--watch` run left that much garbage per edit).
   */
  parts?: readonly string[]
}
