import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy, setSecurityHeaders } from './security-headers.js';
import swagger from '@fastify/swagger';
import swaggerUI from '@fastify/swagger-ui';
import { hoistTitledSchemas } from './openapi-components.js';
import { describeOperation, FACTS_KEY, type OperationFacts } from './openapi-operation.js';

type Json = Record<string, unknown>;

const header = (description: string, schema: Json = { type: 'string' }): Json => ({ description, schema });

/** Response headers, declared once and referenced by every response that carries them. */
const RESPONSE_HEADERS: Record<string, Json> = {
  CorrelationId: header(
    'The caller’s `x-correlation-id` when it is 1–128 safe characters, otherwise a new one; also the `requestId` of an error body.',
  ),
  RateLimitLimit: header('Requests the API key may make in the current window.', { type: 'integer' }),
  RateLimitRemaining: header('Requests left in the current window.', { type: 'integer' }),
  RateLimitReset: header('Seconds until the window resets.', { type: 'integer' }),
  RetryAfter: header('Seconds to wait before trying again.', { type: 'integer' }),
  IdempotentReplayed: header(
    '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`; nothing new was created.',
    { type: 'string', enum: ['true'] },
  ),
  WWWAuthenticate: header(
    '`Bearer realm="woes"` with RFC 6750’s `error` (`invalid_token`, `insufficient_scope` with `scope`).',
  ),
};
const ref = (name: string): Json => ({ $ref: `#/components/headers/${name}` });

/** The OpenAPI 3.1 document, generated from the route schemas, and the reference UI at /docs. */
/** `https`: the public URL is https, so the reference UI's answers carry Strict-Transport-Security too. */
export async function registerOpenAPI(app: FastifyInstance, version: string, https = false): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Woes API',
        version,
        description:
          'The Woes REST API. Authenticate with a workspace API key (`Authorization: Bearer woesk_…`) or a session token plus `x-workspace-id`. Errors are `{code, error, requestId}`.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'A workspace API key, woesk_…' },
          session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A session access token' },
          widgetKey: {
            type: 'apiKey',
            in: 'header',
            name: 'x-woes-widget-key',
            description: 'A public widget key, woespk_… (widget endpoints only)',
          },
          portalSession: {
            type: 'http',
            scheme: 'bearer',
            description: 'A customer portal session, woesps_… (portal endpoints only)',
          },
          webhookSignature: {
            type: 'apiKey',
            in: 'header',
            name: 'webhook-signature',
            description:
              "Standard Webhooks: HMAC-SHA256 with the channel's whsec_ secret over webhook-id.webhook-timestamp.body (inbound webhooks only)",
          },
        },
      },
    },
    // Shared and titled schemas become components named by their title (`Error`, `ApiKey`), not `def-0`.
    refResolver: {
      buildLocalReference(json: Json, _baseUri: unknown, _fragment: unknown, i: number): string {
        const name = json.title ?? json.$id;
        return typeof name === 'string' ? name : `def-${i}`;
      },
    },
    transform: describeOperation as never,
    transformObject: (documentObject) =>
      finishDocument((documentObject as { openapiObject: Json }).openapiObject) as never,
  });
  await app.register(async function docs(scope) {
    // Every answer of the reference UI (its page, scripts, styles, /docs/json) and of /openapi.json.
    scope.addHook('onSend', function docsSecurityHeaders(_request, reply, payload, done) {
      setSecurityHeaders(reply, { https, policy: DOCS_CONTENT_SECURITY_POLICY });
      done(null, payload);
    });
    await scope.register(swaggerUI, {
      routePrefix: '/docs',
      // No validator badge: it would load an image from validator.swagger.io.
      uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    });
    scope.get('/openapi.json', { schema: { hide: true } }, async function openAPIDocument() {
      return app.swagger();
    });
  });
}

/**
 * The reference UI's Content-Security-Policy. Its page loads Swagger UI's bundle, preset and
 * initializer from /docs/static (no inline script). Swagger UI styles elements through the
 * CSSOM (`element.style`), which `style-src` does not govern, and adds one fixed inline <style>
 * at load, allowed by its hash (a new @fastify/swagger-ui may change it: test/browser/docs.test.ts
 * then fails, and Chromium's console names the new hash). "Try it out" calls this origin only.
 * Nothing may frame it.
 */
const SWAGGER_UI_INLINE_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";
export const DOCS_CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  'script-src-attr': "'none'",
  'style-src': `'self' ${SWAGGER_UI_INLINE_STYLE}`,
  'font-src': "'self' data:",
});

function finishDocument(document: Json): Json {
  hoistTitledSchemas(document);
  declareResponseHeaders(document);
  return document;
}

/** Adds the response headers each operation's answers carry (SPEC §4, §5, §6). */
function declareResponseHeaders(document: Json): void {
  const components = document.components as Json;
  components.headers = RESPONSE_HEADERS;
  for (const item of Object.values(document.paths as Record<string, Json>)) {
    for (const operation of Object.values(item) as Json[]) {
      const facts = operation[FACTS_KEY] as OperationFacts | undefined;
      delete operation[FACTS_KEY];
      for (const [code, response] of Object.entries(operation.responses as Record<string, Json>)) {
        const headers: Json = { 'x-correlation-id': ref('CorrelationId') };
        const status = Number(code);
        if (facts?.apiKey && (status < 400 || status === 429)) {
          Object.assign(headers, {
            'RateLimit-Limit': ref('RateLimitLimit'),
            'RateLimit-Remaining': ref('RateLimitRemaining'),
            'RateLimit-Reset': ref('RateLimitReset'),
          });
        }
        if (status === 429) headers['Retry-After'] = ref('RetryAfter');
        if (facts?.authenticated && (status === 401 || status === 403))
          headers['WWW-Authenticate'] = ref('WWWAuthenticate');
        if (facts?.idempotent && status >= 200 && status < 300)
          headers['Idempotent-Replayed'] = ref('IdempotentReplayed');
        response.headers = { ...(response.headers as Json | undefined), ...headers };
      }
    }
  }
}
