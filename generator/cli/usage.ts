/** The `--help` text: every flag with an example. */
export const usage = `Usage: feathers-sio-gen <schemas-dir> [--out <dir>] [--check] [--watch]

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

Examples:
  feathers-sio-gen ./schemas                   generate into ./generated
  feathers-sio-gen ./schemas --out src/api     generate into ./src/api
  feathers-sio-gen ./schemas --check           in CI: fail when generated code is stale
  feathers-sio-gen ./schemas --watch           during development

Exit codes: 0 done, 1 invalid schemas (or stale with --check), 2 usage error.
Only files that start with the feathers-sio-gen header are ever overwritten or deleted.`
