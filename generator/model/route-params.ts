/** The `:name` placeholders of a service path, in path order (`users/:userId/posts` → `['userId']`). */
export function routeParams(path: string): string[] {
  return path.split('/').filter((segment) => segment.startsWith(':')).map((segment) => segment.slice(1))
}
