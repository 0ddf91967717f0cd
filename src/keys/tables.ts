/** Tables owned by the keys domain (merged into the Database interface in storage/schema.ts). */
export interface ApiKeysTable {
  id: string;
  workspaceId: string;
  name: string;
  /** SHA-256 of the whole key, lower-case hex: the only form of the secret that is stored. */
  hash: string;
  /** The first 10 characters (`woesk_` + 4), for display. */
  start: string;
  last4: string;
  /** JSON array of expanded catalogue scopes. */
  scopes: string;
  createdAt: number;
  createdByType: string;
  createdById: string | null;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
  lastUsedIp: string | null;
  lastUsedUserAgent: string | null;
  rolledFrom: string | null;
  rolledTo: string | null;
  /** When a `key.expired_used` audit event was last written (at most one per hour). */
  expiredUseAuditedAt: number | null;
}

/** Requests per key per UTC day; `day` is days since the epoch. */
export interface KeyUsageDailyTable {
  keyId: string;
  day: number;
  count: number;
}

/** Browser-safe widget keys (`woespk_…`): stored as SHA-256 like every other credential. */
export interface WidgetKeysTable {
  id: string;
  workspaceId: string;
  name: string;
  hash: string;
  start: string;
  last4: string;
  /** JSON array of origins (`https://example.com`). */
  allowedOrigins: string;
  createdAt: number;
  createdByType: string;
  createdById: string | null;
  revokedAt: number | null;
}

export interface KeysTables {
  apiKeys: ApiKeysTable;
  keyUsageDaily: KeyUsageDailyTable;
  widgetKeys: WidgetKeysTable;
}
