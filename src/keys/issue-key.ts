import type { CoreDeps } from '../deps.js';
import type { Executor } from '../audit/audit-log.js';
import { expandScopes } from '../scopes/scopes.js';
import { newId } from '../storage/ids.js';
import { displayParts, generateApiKey, hashKey } from './key-format.js';
import { toKeyView, type ApiKeyRow, type ApiKeyView } from './key-view.js';

export interface IssueApiKeyInput {
  workspaceId: string;
  name: string;
  /** Raw scopes: presets and aliases are accepted and expanded (400 for unknown ones). */
  scopes: readonly string[];
  expiresAt: number | null;
  createdBy: { type: 'user' | 'api_key' | 'cli'; id: string | null };
  ip?: string | null;
  userAgent?: string | null;
  /** Set when this key replaces another (roll). */
  rolledFrom?: string | null;
}

/**
 * Makes a key, stores only its SHA-256 and display parts, and records `key.created` in the
 * same executor (pass a transaction to land both with the caller's change). The secret is
 * returned once and never stored or logged.
 */
export async function issueApiKey(
  core: Pick<CoreDeps, 'audit' | 'clock'>,
  executor: Executor,
  input: IssueApiKeyInput,
): Promise<{ id: string; secret: string; view: ApiKeyView }> {
  const scopes = expandScopes(input.scopes);
  const now = core.clock.now();
  const secret = generateApiKey();
  const { start, last4 } = displayParts(secret);
  const row: ApiKeyRow = {
    id: newId('key', now),
    workspaceId: input.workspaceId,
    name: input.name,
    hash: hashKey(secret),
    start,
    last4,
    scopes: JSON.stringify(scopes),
    createdAt: now,
    createdByType: input.createdBy.type,
    createdById: input.createdBy.id,
    expiresAt: input.expiresAt,
    revokedAt: null,
    lastUsedAt: null,
    lastUsedIp: null,
    lastUsedUserAgent: null,
    rolledFrom: input.rolledFrom ?? null,
    rolledTo: null,
    expiredUseAuditedAt: null,
  };
  await executor.insertInto('apiKeys').values(row).execute();
  await core.audit.record(executor, {
    workspaceId: input.workspaceId,
    type: 'key.created',
    actor: input.createdBy,
    target: { type: 'api_key', id: row.id },
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    data: { name: input.name, scopes, expiresAt: input.expiresAt, start, last4, rolledFrom: row.rolledFrom },
  });
  return { id: row.id, secret, view: toKeyView(row, now) };
}
