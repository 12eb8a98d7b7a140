/**
 * PascalCase of a service path or a name (SPEC §3): `api/user-profiles` → `ApiUserProfiles`,
 * `users/:userId/posts` → `UsersUserIdPosts`, `markRead` → `MarkRead`.
 */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')
}

/** camelCase of a name, for suggesting an identifier: `mark-read` → `markRead`; '' when none is left. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text).replace(/^[0-9]+/, '')
  return pascal.length === 0 ? '' : pascal[0]!.toLowerCase() + pascal.slice(1)
}
