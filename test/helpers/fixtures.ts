import type { Plan } from '../../src/config.js';
import { newId } from '../../src/storage/ids.js';
import { issueApiKey } from '../../src/keys/issue-key.js';
import { cliCaller } from '../../src/http/caller.js';
import type { TestApp } from './app.js';

/** Inserts a workspace row directly (no owner, no membership); returns its id. */
export async function createWorkspace(t: TestApp, options: { plan?: Plan; name?: string } = {}): Promise<string> {
  const now = t.app.woes.clock.now();
  const id = newId('ws', now);
  await t.app.woes.db
    .insertInto('workspaces')
    .values({
      id,
      name: options.name ?? 'Test workspace',
      plan: options.plan ?? 'pro',
      rateLimitPerHour: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

/** Issues a key in the workspace through the real issuing code (presets and aliases accepted). */
export async function createApiKey(
  t: TestApp,
  workspaceId: string,
  scopes: string[],
  options: { expiresAt?: number | null; name?: string } = {},
): Promise<{ id: string; secret: string }> {
  const { id, secret } = await issueApiKey(t.app.woes, t.app.woes.db, cliCaller(workspaceId), {
    workspaceId,
    name: options.name ?? 'Test key',
    scopes,
    expiresAt: options.expiresAt ?? null,
  });
  return { id, secret };
}

/** The Authorization header for a key. */
export function bearer(secret: string): { authorization: string } {
  return { authorization: `Bearer ${secret}` };
}

/** Inserts a verified user (no password) who is a member of the workspace with `role`; returns the user id. */
export async function addMember(
  t: TestApp,
  workspaceId: string,
  role: 'owner' | 'admin' | 'agent',
  email?: string,
): Promise<string> {
  const now = Date.now();
  const userId = newId('usr');
  await t.app.woes.db
    .insertInto('users')
    .values({
      id: userId,
      email: email ?? `${userId}@example.com`,
      name: role === 'agent' ? 'Agent' : role,
      passwordHash: null,
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await t.app.woes.db.insertInto('memberships').values({ workspaceId, userId, role, createdAt: now }).execute();
  return userId;
}
