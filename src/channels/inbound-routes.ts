import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CoreDeps } from '../deps.js';
import { AppError, invalidRequest, rateLimited, unauthorized } from '../errors.js';
import { enforceLimit } from '../ratelimit/enforce.js';
import { nulInBody } from '../http/nul-input.js';
import { typed } from '../http/typed.js';
import type { InboundService } from './inbound-service.js';
import type { InboundVerifier, SignatureHeaders, VerifiedChannel } from './inbound-verifier.js';
import { InboundBody, InboundHeaders, InboundParams, InboundResult } from './schemas.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The channel whose secret signed an inbound webhook (set before the body is validated). */
    inboundChannel: VerifiedChannel | null;
  }
}

/** Inbound bodies are messages, not files: a quarter of the API's 1 MiB. */
export const INBOUND_BODY_LIMIT = 256 * 1024;

// One sentence for every refusal, so a caller cannot tell an unknown channel from a bad signature.
const REFUSED = 'The request is not signed by an active channel (or its timestamp is more than 5 minutes off).';
const SIGNATURE_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function signatureHeaders(request: FastifyRequest): SignatureHeaders {
  const headers: SignatureHeaders = {};
  for (const name of SIGNATURE_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/**
 * POST /webhooks/inbound/:channelId: no API key — the Standard Webhooks signature over the raw
 * body is the only credential. The body is kept as bytes until the signature is checked, then
 * parsed and validated, so an unsigned caller learns nothing about the schema.
 */
export async function inboundRoutes(
  parent: FastifyInstance,
  core: Pick<CoreDeps, 'limiter'>,
  verify: InboundVerifier,
  service: InboundService,
): Promise<void> {
  await parent.register(async function inboundEndpoint(scope) {
    const parseJSON = scope.getDefaultJsonParser('error', 'error');
    // The signature covers the exact bytes sent: a parsed-and-reserialised body would not match.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: INBOUND_BODY_LIMIT },
      function keepRawBody(_request, body, done) {
        done(null, body);
      },
    );
    scope.decorateRequest('inboundChannel', null);

    scope.addHook('preValidation', async function verifyInboundSignature(request) {
      const { limiter } = core;
      // An address that keeps failing is turned away before any lookup or HMAC.
      const blockedMs = limiter.blockedFor('failedCredentials', request.ip);
      if (blockedMs > 0) throw rateLimited(Math.ceil(blockedMs / 1000));
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const params = request.params;
      const channelId =
        typeof params === 'object' && params !== null && 'channelId' in params ? String(params.channelId) : '';
      const channel = await verify(channelId, raw, signatureHeaders(request));
      if (channel === null) {
        await limiter.consume('failedCredentials', request.ip, limiter.rules.failedCredentials);
        throw unauthorized(REFUSED);
      }
      // Counted only once verified, so nobody who merely knows a channel id can spend its budget.
      await enforceLimit(limiter, 'inboundPerChannel', channel.id);
      request.inboundChannel = channel;
      const text = raw.toString('utf8');
      request.body = await new Promise<unknown>((resolve, reject) => {
        parseJSON(request, text, (error, value) => {
          if (error) return reject(error instanceof AppError ? error : invalidRequest('The body is not valid JSON.'));
          // The app-wide JSON parser was replaced above: refuse U+0000 here as it does.
          const refused = nulInBody(text, value);
          if (refused !== null) reject(refused);
          else resolve(value);
        });
      });
    });

    const app = typed(scope);
    app.post(
      '/webhooks/inbound/:channelId',
      {
        bodyLimit: INBOUND_BODY_LIMIT,
        schema: {
          tags: ['channels'],
          summary: 'Receive a signed inbound message',
          description:
            'For an email processor or another system: a customer message for the channel, signed with its ' +
            '`whsec_` secret by the Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`, `webhook-signature` ' +
            'over `id.timestamp.body`, ±5 minutes). An unknown channel, a bad or missing signature and a stale ' +
            'timestamp are one 401. A replay of a `webhook-id` is answered 200 with the first result and ' +
            '`duplicate: true`; nothing is written twice. An `api` channel takes `InboundApiMessage`, an `email` ' +
            'channel `InboundEmailMessage`.',
          operationId: 'channels.receiveInbound',
          security: [{ webhookSignature: [] }],
          params: InboundParams,
          headers: InboundHeaders,
          body: InboundBody,
          response: {
            200: InboundResult,
            201: InboundResult,
            400: { $ref: 'ErrorBody', description: 'Signed, but not a payload of this channel’s type' },
            401: {
              $ref: 'ErrorBody',
              description: 'The signature is missing, wrong or stale, or the channel is unknown or deleted',
            },
            404: { $ref: 'ErrorBody', description: '`conversationId` names no conversation of the workspace' },
            413: { $ref: 'ErrorBody', description: 'The body is over 256 KiB' },
            429: {
              $ref: 'ErrorBody',
              description: 'Too many requests for the channel, or bad signatures from this IP',
            },
          },
        },
      },
      async function receiveInbound(request, reply) {
        const outcome = await service.receive(request.inboundChannel!, request.headers['webhook-id'], request.body);
        return reply.code(outcome.created ? 201 : 200).send(outcome.result);
      },
    );
  });
}
