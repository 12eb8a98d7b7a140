import type { Application } from '@feathersjs/feathers'
import { checkAdapterPaginate } from './check-paginate.js'
import { cleanEvents } from './clean-events.js'
import { runFirst } from './run-first.js'
import type { ServiceDescriptor } from './service-descriptor.js'
import { createServiceHook } from './service-hook.js'
import type { RegisterOptions } from './service-hook.js'

/**
 * Registers each described service with `app.use(path, implementation, { methods, events })`,
 * its guard/validate/clean hook (SPEC §4) and cleaned events. Generated `server.ts` calls this with
 * its descriptors and types the returned app; compiles nothing (the validators are generated code).
 */
export function registerServices<A extends Application>(
  app: A,
  descriptors: readonly ServiceDescriptor[],
  implementations: Readonly<Record<string, unknown>>,
  options: RegisterOptions = {},
): A {
  for (const descriptor of descriptors) {
    const { path, validators } = descriptor
    const implementation = Object.hasOwn(implementations, path) ? implementations[path] : undefined
    if (typeof implementation !== 'object' || implementation === null) {
      throw new TypeError(`registerServices: no implementation object for service '${path}'`)
    }
    const methods = [...descriptor.methods, ...Object.keys(validators.custom)]
    const missing = methods.filter((method) => typeof (implementation as Record<string, unknown>)[method] !== 'function')
    if (missing.length > 0) {
      throw new TypeError(`registerServices: service '${path}' lacks ${missing.map((m) => `'${m}'`).join(', ')}`)
    }
    checkAdapterPaginate(descriptor, implementation)
    app.use(path, implementation as never, { methods, events: Object.keys(validators.events) })
    const service = app.service(path)
    service.hooks({ around: { all: [...runFirst(options.before), createServiceHook(descriptor, options)] } })
    cleanEvents(app, path, service, validators)
  }
  return app
}
