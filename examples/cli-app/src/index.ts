import type { AddressInfo } from 'net'
import { app } from './app'
import { logger } from './logger'

const port = app.get('port')
const host = app.get('host')

process.on('unhandledRejection', reason => logger.error('Unhandled Rejection %O', reason))

app.listen(port).then(server => {
  // With PORT=0 the system picks a free port: log the one actually bound.
  const bound = (server.address() as AddressInfo | null)?.port ?? port
  logger.info(`Feathers app listening on http://${host}:${bound}`)
})
