// For more information about this file see https://dove.feathersjs.com/guides/cli/client.html
import authenticationClient from '@feathersjs/authentication-client'
import type { AuthenticationClientOptions } from '@feathersjs/authentication-client'
import { createClient as createServicesClient } from './generated/client'

export type { ClientServices } from './generated/client'

/**
 * Returns a typed client for the cli-app app: the generated Socket.io client (every service of
 * schemas/, typed) with authentication configured onto it.
 *
 * @param socket A socket.io-client socket connected to the app
 * @param authenticationOptions Additional settings for the authentication client
 * @see https://dove.feathersjs.com/api/client.html
 * @returns The Feathers client application
 */
export const createClient = (
  socket: Parameters<typeof createServicesClient>[0],
  authenticationOptions: Partial<AuthenticationClientOptions> = {}
) => {
  const client = createServicesClient(socket)
  client.configure(authenticationClient(authenticationOptions))
  return client
}
