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
  /** JSON array of IPv4/IPv6 addresses and CIDR ranges; null: any address. */
  allowedIps: string | null;
  /** Set by the idle-key policy; an admin re-enables the key (distinct from revoked). */
  disabledAt: number | null;
  /** When an admin last re-enabled the key: idleness counts from here too. */
  enabledAt: number | null;
  /** When the `key.expiring` warning went out (once per key). */
  expiryWarnedAt: number | null;
  /** When a refused-address audit event was last written (at most one a minute). */
  ipDeniedAuditedAt: number | null;
}

/** A workspace's key policy (GET/PATCH /workspace/key-policy); no row: the defaults. */
export interface KeyPoliciesTable {
  workspaceId: string;
  maxLifetimeDays: number | null;
  /** 0/1 */
  requireExpiry: number;
  disableUnusedDays: number | null;
  /** 0/1 */
  warnBeforeExpiry: number;
  updatedAt: number;
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
  /** 1: for mobile apps (no Origin header); such a key requires identity verification. */
  mobile: number;
}

export interface KeysTables {
  apiKeys: ApiKeysTable;
  keyUsageDaily: KeyUsageDailyTable;
  widgetKeys: WidgetKeysTable;
  keyPolicies: KeyPoliciesTable;
}
