import type { HookContext } from '@feathersjs/feathers'
import type { ServiceDescriptor } from './service-descriptor.js'
import type { ValidationFailure } from './validator.js'

/** The standard methods that take an id. */
const ID_METHODS: ReadonlySet<string> = new Set(['get', 'update', 'patch', 'remove'])

/** The number `text` is the exact decimal text of (`'12'`, `'-1.5'`), or undefined (`'01'`, `'1e3'`, `' 1'`). */
function numberOf(text: string): number | undefined {
  const value = Number(text)
  return text !== '' && Number.isFinite(value) && String(value) === text ? value : undefined
}

/**
 * Checks the id of a transport call (`params.provider` set) against the service's `id` schema
 * (SPEC §8); failures are reported at `/id`. `patch(null)` and `remove(null)` are multi calls and
 * carry no id. Calls inside the server are not checked, even with `validateInternalCalls`: Feathers
 * hands ids around as strings there (the JWT strategy's `sub`). That strategy also re-gets the
 * entity with the client's provider, so a string that is exactly the text of a valid numeric id
 * (`'12'` for an integer id) is accepted and converted: the service receives the id its type
 * declares. REST ids arrive already converted by the REST coercion; this check runs after it.
 */
export function validateId(descriptor: ServiceDescriptor, context: HookContext): ValidationFailure[] {
  const validator = descriptor.validators.id
  if (validator === undefined || context.params.provider === undefined || !ID_METHODS.has(context.method)) return []
  const id: unknown = context.id
  if (id === null && (context.method === 'patch' || context.method === 'remove')) return []
  if (validator.check(id)) return []
  const converted = typeof id === 'string' ? numberOf(id) : undefined
  if (converted !== undefined && validator.check(converted)) {
    context.id = converted
    return []
  }
  return validator.errors(id).map((failure) => ({ path: `/id${failure.path}`, message: failure.message }))
}
