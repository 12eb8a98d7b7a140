import type { Application } from '@feathersjs/feathers'

/** The part of `@feathersjs/transport-commons`' RouteNode a lookup walks. */
interface RouteNode {
  name: string
  depth: number
  data?: { service: unknown; params?: Record<string, string> }
  children: Record<string, RouteNode>
  placeholders: RouteNode[]
}

/** The part of its Router a lookup needs. */
interface Router {
  root: RouteNode
  getPath(path: string): string[]
}

type RoutedApp = Application & { routes?: Router; lookup?: unknown }

/** `constructor`, `__proto__`, `toString`, `hasOwnProperty` …: never a service path segment. */
const PROTOTYPE_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype))

/** Where a path segment leads, looking at own children only. */
function walk(node: RouteNode, segments: readonly string[], params: Record<string, string>): RouteNode | null {
  if (segments.length === node.depth) return node.data === undefined ? null : node
  const segment = segments[node.depth]!
  // The router keeps children on a plain object: `children['constructor']` is Object itself, and
  // Feathers' own walk then calls `Object.lookup` and answers with a TypeError and its stack.
  if (Object.hasOwn(node.children, segment)) {
    const found = walk(node.children[segment]!, segments, params)
    if (found !== null) return found
  }
  for (const placeholder of node.placeholders) {
    const found = walk(placeholder, segments, params)
    if (found !== null) {
      params[placeholder.name] = segment
      return found
    }
  }
  return null
}

/** `app.lookup` as Feathers defines it, except that a path naming an `Object.prototype` member is not found. */
function lookup(this: RoutedApp, path: unknown): { service: unknown; params: Record<string, string> } | null {
  if (typeof path !== 'string' || this.routes === undefined) return null
  const segments = this.routes.getPath(path)
  // Not even as a route placeholder's value (`messages/__proto__`): refused like an unknown path.
  for (const segment of segments) if (PROTOTYPE_MEMBERS.has(segment)) return null
  const colonParams: Record<string, string> = {}
  const node = walk(this.routes.root, segments, colonParams)
  if (node === null) return null
  const { service, params: routeParams } = node.data!
  return { service, params: routeParams ? { ...routeParams, ...colonParams } : colonParams }
}

/**
 * Replaces the routing's `app.lookup` (which transports call for every request) with one that
 * cannot be tricked by `constructor`, `__proto__`, `toString` … in a path, so such a path is a
 * 404 NotFound like any unknown one. Does nothing before a transport configured routing.
 */
export function installSafeLookup(app: Application): void {
  const routed = app as RoutedApp
  if (routed.routes === undefined || typeof routed.lookup !== 'function' || routed.lookup === lookup) return
  routed.lookup = lookup as never
}
