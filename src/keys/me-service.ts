import type { Static } from 'typebox';
import type { DB } from '../storage/database.js';
import type { Principal } from '../http/principal.js';
import { sortScopes, type Scope } from '../scopes/scopes.js';
import { keyRepository } from './key-repository.js';
import type { Me } from './schemas.js';
import { KeyPrincipal } from './verifier.js';

export type MeView = Static<typeof Me>;

/**
 * GET /me: who is calling. The answer for one cached key principal is built once, since /me is
 * the "test your connection" call; sessions and other verifiers' keys are read from the database.
 */
export class MeService {
  private readonly ofKey = new WeakMap<KeyPrincipal, MeView>();

  constructor(private readonly db: DB) {}

  async describe(principal: Principal): Promise<MeView> {
    if (principal instanceof KeyPrincipal) {
      let answer = this.ofKey.get(principal);
      if (answer === undefined) {
        answer = {
          type: 'api_key',
          workspace: { id: principal.workspaceId, name: principal.workspaceName, plan: principal.plan },
          scopes: [...principal.scopeList],
          keyId: principal.keyId,
        };
        this.ofKey.set(principal, answer);
      }
      return answer;
    }
    if (principal.type === 'api_key') {
      const workspace = (await keyRepository.workspace(this.db, principal.workspaceId)) ?? null;
      return {
        type: 'api_key',
        workspace,
        scopes: sortScopes(principal.scopes as ReadonlySet<Scope>),
        keyId: principal.keyId,
      };
    }
    const [workspace, user] = await Promise.all([
      principal.workspaceId ? keyRepository.workspace(this.db, principal.workspaceId) : Promise.resolve(undefined),
      keyRepository.user(this.db, principal.userId),
    ]);
    return {
      type: 'session',
      workspace: workspace ?? null,
      scopes: sortScopes(principal.scopes as ReadonlySet<Scope>),
      ...(user ? { user } : {}),
      role: principal.role,
    };
  }
}
