/** The `--help` text: every verb and flag with an example. */
export const usage = `Usage: feathers-sio-gen <schemas-dir> [--out <dir>] [--check] [--watch]
       feathers-sio-gen asyncapi <schemas-dir> [--out <file>]
       feathers-sio-gen diff <old-schemas> <new-schemas> [--json]
       feathers-sio-gen diff --base <git-ref> <schemas-dir> [--json]

Turns TypeBox schema modules (defineService, defineConnection, named schemas) into
plain types, ahead-of-time validators, a typed server registration and a typed client.

Arguments:
  <schemas-dir>      folder of schema modules (.ts .mts .js .mjs), searched recursively

Options:
  -o, --out <dir>    where to write types.ts, validators.ts, server.ts, client.ts
                     (default: generated)
      --check        write nothing; exit 1 listing each missing or differing file
                     (for CI), exit 0 when the output is current
      --watch        generate, then regenerate on every change under <schemas-dir>;
                     a broken edit prints its errors and keeps the last good output
  -h, --help         show this help
  -v, --version      print the version

asyncapi: the AsyncAPI 3.0 document of the Socket.io API, YAML on stdout by default;
  -o, --out <file>   write it to <file> instead: .yaml/.yml for YAML, .json for JSON

diff: compares two schema folders and judges each change by direction; exit 1 when
anything breaks, 0 otherwise
      --base <ref>   compare <schemas-dir> with the same folder at a git ref
      --json         print the changes as JSON instead of one line each

Examples:
  feathers-sio-gen ./schemas                   generate into ./generated
  feathers-sio-gen ./schemas --out src/api     generate into ./src/api
  feathers-sio-gen ./schemas --check           in CI: fail when generated code is stale
  feathers-sio-gen ./schemas --watch           during development
  feathers-sio-gen asyncapi ./schemas --out docs/asyncapi.yaml
  feathers-sio-gen diff --base origin/main ./schemas
                                               in CI: fail on a breaking API change

Exit codes: 0 done, 1 invalid schemas (or stale with --check, or a breaking change
with diff), 2 usage error.
Only files that start with the feathers-sio-gen header are ever overwritten or deleted.`

/** The one-line usage a verb prints after a usage error. */
export const verbUsage = {
  asyncapi: 'Usage: feathers-sio-gen asyncapi <schemas-dir> [--out <file.yaml|file.json>]   (--help for more)',
  diff: 'Usage: feathers-sio-gen diff <old-schemas> <new-schemas> [--json] | diff --base <git-ref> <schemas-dir> [--json]',
} as const
