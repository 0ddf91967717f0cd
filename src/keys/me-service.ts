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
  private readonly bodyOfKey = new WeakMap<KeyPrincipal, string>();

  constructor(private readonly db: DB) {}

  /**
   * The response body for a cached key principal, serialized once by `serialize` (the route's
   * schema serializer) and kept as long as the principal is cached; undefined for anything else.
   * A warm /me is then a map read: no object, no serialization.
   */
  serializedFor(principal: Principal, serialize: (view: MeView) => string): string | undefined {
    if (!(principal instanceof KeyPrincipal)) return undefined;
    let body = this.bodyOfKey.get(principal);
    if (body === undefined) {
      body = serialize(keyView(principal));
      this.bodyOfKey.set(principal, body);
    }
    return body;
  }

  async describe(principal: Principal): Promise<MeView> {
    if (principal instanceof KeyPrincipal) return keyView(principal);
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

function keyView(principal: KeyPrincipal): MeView {
  return {
    type: 'api_key',
    workspace: { id: principal.workspaceId, name: principal.workspaceName, plan: principal.plan },
    scopes: [...principal.scopeList],
    keyId: principal.keyId,
  };
}
