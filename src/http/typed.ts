import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

/**
 * A route plugin's view of the app with the TypeBox type provider: `request.body`, `params`,
 * `query` and `headers` are typed from the route's schemas (`Static<typeof Schema>`), so no
 * handler casts them. Validation is unchanged: the app's own Ajv still checks every request.
 */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

export type TypedApp = ReturnType<typeof typed>;
