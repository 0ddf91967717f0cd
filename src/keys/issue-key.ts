import type { CoreDeps } from '../deps.js';
import type { Executor } from '../audit/audit-log.js';
import type { Caller } from '../http/caller.js';
import { expandScopes } from '../scopes/scopes.js';
import { newId } from '../storage/ids.js';
import { displayParts, generateApiKey, hashKey } from './key-format.js';
import { keyRepository } from './key-repository.js';
import { toKeyView, type ApiKeyRow, type ApiKeyView } from './key-view.js';

export interface IssueApiKeyInput {
  workspaceId: string;
  name: string;
  /** Raw scopes: presets and aliases are accepted and expanded (400 for unknown ones). */
  scopes: readonly string[];
  expiresAt: number | null;
  /** Set when this key replaces another (roll). */
  rolledFrom?: string | null;
  /** Normalised IP allowlist (normaliseAllowedIps); empty or absent: any address. */
  allowedIps?: readonly string[];
  /** The creator recorded instead of the caller (a key rolling itself passes on its own creator). */
  createdBy?: { type: string; id: string | null };
}

/**
 * Makes a key for `caller` (recorded as its creator), stores only its SHA-256 and display
 * parts, and records `key.created` in the same executor (pass a transaction to land both with the caller's change). The secret is
 * returned once and never stored or logged.
 */
export async function issueApiKey(
  core: Pick<CoreDeps, 'audit' | 'clock'>,
  executor: Executor,
  caller: Caller,
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
    createdByType: input.createdBy?.type ?? caller.actor.type,
    createdById: input.createdBy === undefined ? caller.actor.id : input.createdBy.id,
    expiresAt: input.expiresAt,
    revokedAt: null,
    lastUsedAt: null,
    lastUsedIp: null,
    lastUsedUserAgent: null,
    rolledFrom: input.rolledFrom ?? null,
    rolledTo: null,
    expiredUseAuditedAt: null,
    allowedIps: input.allowedIps && input.allowedIps.length > 0 ? JSON.stringify(input.allowedIps) : null,
    disabledAt: null,
    enabledAt: null,
    expiryWarnedAt: null,
    ipDeniedAuditedAt: null,
  };
  await keyRepository.insert(executor, row);
  await core.audit.record(executor, caller, {
    workspaceId: input.workspaceId,
    type: 'key.created',
    target: { type: 'api_key', id: row.id },
    data: {
      name: input.name,
      scopes,
      expiresAt: input.expiresAt,
      start,
      last4,
      rolledFrom: row.rolledFrom,
      allowedIps: input.allowedIps ?? [],
    },
  });
  return { id: row.id, secret, view: toKeyView(row, now) };
}
