import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { CoreDeps } from '../deps.js';
import { invalidRequest, rateLimited } from '../errors.js';
import { workspaceCaller } from '../http/caller.js';
import { nulInBody } from '../http/nul-input.js';
import { typed } from '../http/typed.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import { retryAfterSeconds } from '../ratelimit/enforce.js';
import { KeyPolicyPatchBody, KeyPolicyView, LeakReportAnswer, LeakReportBody } from './governance-schemas.js';
import { assertOwner, loadKeyPolicy, updateKeyPolicy } from './key-policy.js';
import { verifyLeakReportSignature, type LeakReports } from './leak-report.js';

const OWNER_SESSION = { credentials: 'session', workspace: 'required' } as const;

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

/** GET/PATCH /workspace/key-policy (owners) and POST /keys/leaked (secret scanners). */
export async function governanceRoutes(plugin: FastifyInstance, core: CoreDeps, leaks: LeakReports): Promise<void> {
  const app = typed(plugin);
  app.get(
    '/workspace/key-policy',
    {
      config: { auth: { scope: 'keys.read', ...OWNER_SESSION } },
      schema: {
        tags: ['keys'],
        summary: "The workspace's key policy",
        description:
          'Owners only. Maximum lifetime and required expiry of new keys, idle keys disabled after N days, expiry warnings.',
        security: [{ session: [] }],
        response: { 200: KeyPolicyView, ...AUTH_ERRORS },
      },
    },
    async function getKeyPolicy(request) {
      const caller = workspaceCaller(request);
      assertOwner(caller);
      return loadKeyPolicy(core.db, caller.workspaceId);
    },
  );

  app.patch(
    '/workspace/key-policy',
    {
      config: { auth: { scope: 'keys.write', ...OWNER_SESSION } },
      schema: {
        tags: ['keys'],
        summary: "Change the workspace's key policy",
        description:
          'Owners only; audited as `key_policy.updated`. Applies to keys created or rolled from now on; the idle-key rule applies to every key.',
        security: [{ session: [] }],
        body: KeyPolicyPatchBody,
        response: { 200: KeyPolicyView, ...AUTH_ERRORS },
      },
    },
    async function patchKeyPolicy(request) {
      return updateKeyPolicy(core, workspaceCaller(request), request.body);
    },
  );

  await app.register(async function leakReports(scope) {
    // The signature covers the exact bytes sent: keep them before JSON parsing.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer' },
      function rawJSON(request: FastifyRequest, body: Buffer, done) {
        request.rawBody = body;
        try {
          done(null, JSON.parse(body.toString('utf8')));
        } catch {
          done(invalidRequest('The body is not valid JSON.'), undefined);
        }
      },
    );
    typed(scope).post(
      '/keys/leaked',
      {
        schema: {
          tags: ['keys'],
          summary: 'Report leaked API keys (secret scanning partners)',
          description:
            "GitHub's secret scanning partner format: a JSON array of `{token, type, url, source}`, signed with ECDSA P-256 over the raw body " +
            '(`Github-Public-Key-Identifier`, `Github-Public-Key-Signature`) by a key in WOES_LEAK_REPORT_PUBLIC_KEYS. Live keys are revoked at once ' +
            'and their owners emailed; the answer labels each token `true_positive` or `false_positive` and says nothing else.',
          security: [],
          headers: Type.Object({
            'github-public-key-identifier': Type.Optional(Type.String()),
            'github-public-key-signature': Type.Optional(Type.String()),
          }),
          body: LeakReportBody,
          response: {
            200: LeakReportAnswer,
            400: Type.Ref('ErrorBody'),
            401: Type.Ref('ErrorBody'),
            429: Type.Ref('ErrorBody'),
          },
        },
        // Per IP, before the body is even read: an unauthenticated endpoint that queries the database.
        onRequest: async function limitLeakReports(request) {
          const result = await core.limiter.consume('leakReport', request.ip, core.limiter.rules.leakReport);
          if (!result.allowed) throw rateLimited(retryAfterSeconds(result));
        },
        // Before validation: an unsigned body learns nothing, not even whether it is well-formed.
        preValidation: async function checkSignature(request) {
          const header = (name: string) => {
            const value = request.headers[name];
            return typeof value === 'string' ? value : undefined;
          };
          verifyLeakReportSignature(
            core.config.leakReportPublicKeys,
            request.rawBody ?? Buffer.alloc(0),
            header('github-public-key-identifier'),
            header('github-public-key-signature'),
          );
          // This scope parses its own JSON: refuse U+0000 as the app-wide parser does.
          const refused = nulInBody(request.rawBody?.toString('utf8') ?? '', request.body);
          if (refused !== null) throw refused;
        },
      },
      async function reportLeakedKeys(request, reply) {
        const verdicts = await leaks.report(request.body, request.caller);
        return reply.header('cache-control', 'no-store').send(verdicts);
      },
    );
  });
}
