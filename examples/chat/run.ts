// `npm run example`: regenerates ./generated from ./schemas, starts the chat server on a free
// port, runs the conversation, prints it and exits 0 — or prints what went wrong and exits 1.
import { fileURLToPath } from 'node:url'
import { formatDiagnostic, generate } from 'feathers-sio-gen/generator'

const root = fileURLToPath(new URL('../..', import.meta.url))
// Nothing here may hang: give up after 30 s whatever happens.
const watchdog = setTimeout(() => {
  console.error('example: no result within 30 s')
  process.exit(1)
}, 30_000)
watchdog.unref()

const result = await generate({ schemaDir: 'schemas', outDir: 'generated', cwd: root })
if (result.status !== 'ok') {
  for (const diagnostic of result.diagnostics) console.error(formatDiagnostic(diagnostic))
  process.exit(1)
}
console.log(`generated ${result.files.map((file) => file.name).join(', ')} for ${result.services.join(', ')}`)

// Imported only now: these modules import the code just generated.
const { startChatServer } = await import('./chat-server.js')
const { runConversation } = await import('./chat-client.js')

const server = await startChatServer()
console.log(`chat server on ${server.url}`)
try {
  const lines = await runConversation(server.url)
  console.log('--- conversation ---')
  for (const line of lines) console.log(line)
  console.log('--- the conversation went through ---')
} catch (error) {
  console.error('example failed:', error)
  process.exitCode = 1
} finally {
  await server.close()
}
