import { AuthenticationService, JWTStrategy } from '@feathersjs/authentication'
import { LocalStrategy } from '@feathersjs/authentication-local'
import type { Application } from '@feathersjs/feathers'

/**
 * Registers `authentication` on `app` as the Feathers CLI sets it up: local (email + password) and
 * JWT strategies over the `users` service. Services are registered by the caller.
 */
export function configureAuthentication(app: Application): void {
  app.set('authentication', {
    secret: 'a-test-secret-long-enough-for-hs256', entity: 'user', entityId: 'id', service: 'users',
    authStrategies: ['jwt', 'local'], local: { usernameField: 'email', passwordField: 'password' },
    jwtOptions: { header: { typ: 'access' }, audience: 'https://example.test', issuer: 'feathers', algorithm: 'HS256', expiresIn: '1h' },
  })
  const auth = new AuthenticationService(app)
  auth.register('jwt', new JWTStrategy())
  auth.register('local', new LocalStrategy())
  app.use('authentication', auth)
}
