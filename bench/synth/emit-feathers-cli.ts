import { feathersCliAppFiles } from './feathers-cli-app-files.js'
import { feathersCliServiceFiles } from './feathers-cli-service-files.js'
import type { ServiceSpec } from './synthesize-services.js'

// What `feathers generate app` + `feathers generate service` (custom service, TypeBox schema,
// with a client) write, per packages/generators/src/{app,service}/templates of Feathers 5.

/** A Feathers CLI app's \`src/\` for \`specs\`, by path relative to the project. */
export function emitFeathersCliProject(specs: readonly ServiceSpec[]): Record<string, string> {
  const files: Record<string, string> = {
    ...feathersCliAppFiles(specs),
    'src/services/index.ts': `${specs.map((s) => `import { ${s.camel} } from './${s.path}/${s.path}'`).join('\n')}
import type { Application } from '../declarations'

export const services = (app: Application) => {
${specs.map((s) => `  app.configure(${s.camel})`).join('\n')}
}
`,
  }
  for (const spec of specs) Object.assign(files, feathersCliServiceFiles(spec))
  return files
}
