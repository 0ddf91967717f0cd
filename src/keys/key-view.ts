import type { Selectable } from 'kysely';
import type { Static } from 'typebox';
import type { ApiKeysTable } from './tables.js';
import type { ApiKey } from './schemas.js';

export type ApiKeyRow = Selectable<ApiKeysTable>;

/** SPEC §6: a key's public view. Never carries the secret or its hash. */
export type ApiKeyView = Static<typeof ApiKey>;

/** A key unused for this long is flagged so admins can revoke it (seed 003). */
export const STALE_AFTER_MS = 90 * 24 * 60 * 60 * 1000;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * `pendingLastUsedAt` is this instance's not-yet-flushed use, so a key used a second ago does
 * not read as unused for up to one flush interval.
 */
export function toKeyView(row: ApiKeyRow, now: number, pendingLastUsedAt: number | null = null): ApiKeyView {
  const stored = row.lastUsedAt === null ? null : Number(row.lastUsedAt);
  const lastUsedAt =
    pendingLastUsedAt !== null && (stored === null || pendingLastUsedAt > stored) ? pendingLastUsedAt : stored;
  return {
    id: row.id,
    name: row.name,
    start: row.start,
    last4: row.last4,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: iso(Number(row.createdAt))!,
    createdBy: { type: row.createdByType, id: row.createdById },
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(lastUsedAt),
    stale: now - (lastUsedAt ?? Number(row.createdAt)) > STALE_AFTER_MS,
    rolledFrom: row.rolledFrom,
    rolledTo: row.rolledTo,
    allowedIps: row.allowedIps === null ? [] : (JSON.parse(row.allowedIps) as string[]),
    disabledAt: iso(row.disabledAt),
  };
}
