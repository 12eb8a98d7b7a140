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
