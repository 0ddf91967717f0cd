/** Tables owned by the portal domain (merged into the Database interface in storage/schema.ts). */

/** Per-workspace portal settings; a workspace without a row has the portal on, under its own name. */
export interface PortalSettingsTable {
  workspaceId: string;
  enabled: number;
  /** The name customers see in the email and on the portal; null: the workspace's name. */
  displayName: string | null;
  updatedAt: number;
}

/** Emailed one-use link tokens: SHA-256 only, 15 minutes, spent by setting usedAt. */
export interface PortalLinksTable {
  tokenHash: string;
  workspaceId: string;
  customerId: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

/** Portal sessions: one opaque token (SHA-256 here) with a sliding and an absolute expiry. */
export interface PortalSessionsTable {
  id: string;
  tokenHash: string;
  workspaceId: string;
  customerId: string;
  createdAt: number;
  /** Sliding: moved on by use, never past absoluteExpiresAt. */
  expiresAt: number;
  absoluteExpiresAt: number;
  endedAt: number | null;
}

export interface PortalTables {
  portalSettings: PortalSettingsTable;
  portalLinks: PortalLinksTable;
  portalSessions: PortalSessionsTable;
}
