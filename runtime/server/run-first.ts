import type { HookContext, NextFunction } from '@feathersjs/feathers'

/** A hook as `RegisterOptions.before` takes it: a before hook, or one that also works as around. */
export type FirstHook = (context: HookContext, next?: NextFunction) => unknown

/**
 * `options.before` as around hooks that go ahead of the guard/validate hook. Each is called as a
 * before hook (without `next`: Feathers' `authenticate` then returns the context) and the chain
 * continues when it resolves; a throw (401) stops the call before validation can answer 400.
 */
export function runFirst(hooks: ReadonlyArray<FirstHook> | undefined): Array<(context: HookContext, next: NextFunction) => Promise<void>> {
  return (hooks ?? []).map((hook) => async (context: HookContext, next: NextFunction): Promise<void> => {
    await hook(context)
    await next()
  })
}
