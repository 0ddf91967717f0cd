import type { FastifyInstance } from 'fastify';
import type { CoreDeps } from '../deps.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import { sortScopes, type Scope } from '../scopes/scopes.js';
import { keyRepository } from './key-repository.js';
import { Me } from './schemas.js';
import { KeyPrincipal } from './verifier.js';

/** The answer for one cached key principal, built once: /me is the "test your connection" call. */
const meOfKey = new WeakMap<KeyPrincipal, object>();

/** GET /me: who is calling (SPEC §6). */
export async function meRoutes(app: FastifyInstance, core: CoreDeps): Promise<void> {
  app.get(
    '/me',
    {
      config: { auth: { scope: null, workspace: 'optional' } },
      schema: {
        tags: ['identity'],
        summary: 'Who is calling',
        description: 'The credential type, its workspace and scopes: the call to test a connection.',
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: Me, ...AUTH_ERRORS },
      },
    },
    async function me(request) {
      const principal = request.principal!;
      if (principal instanceof KeyPrincipal) {
        let answer = meOfKey.get(principal);
        if (answer === undefined) {
          answer = {
            type: 'api_key',
            workspace: { id: principal.workspaceId, name: principal.workspaceName, plan: principal.plan },
            scopes: principal.scopeList,
            keyId: principal.keyId,
          };
          meOfKey.set(principal, answer);
        }
        return answer;
      }
      if (principal.type === 'api_key') {
        // A verifier from elsewhere: answer from the database.
        const workspace = (await keyRepository.workspace(core.db, principal.workspaceId)) ?? null;
        return { type: 'api_key', workspace, scopes: sortScopes(principal.scopes as ReadonlySet<Scope>), keyId: principal.keyId };
      }
      const [workspace, user] = await Promise.all([
        principal.workspaceId ? keyRepository.workspace(core.db, principal.workspaceId) : Promise.resolve(undefined),
        core.db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', principal.userId).executeTakeFirst(),
      ]);
      return {
        type: 'session',
        workspace: workspace ?? null,
        scopes: sortScopes(principal.scopes as ReadonlySet<Scope>),
        ...(user ? { user } : {}),
        role: principal.role,
      };
    },
  );
}
