import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUI from '@fastify/swagger-ui';

/** The OpenAPI 3.1 document, generated from the route schemas, and the reference UI at /docs. */
export async function registerOpenAPI(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Woes API',
        version,
        description:
          'The Woes REST API. Authenticate with a workspace API key (`Authorization: Bearer woesk_…`) or a session token plus `x-workspace-id`. Errors are `{code, error, requestId}`.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'A workspace API key, woesk_…' },
          session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A session access token' },
        },
      },
    },
  });
  await app.register(swaggerUI, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async function openAPIDocument() {
    return app.swagger();
  });
}
