/** Tables owned by the accounts domain (merged into the Database interface in storage/schema.ts). */

/** One signed-in device: the refresh-token family. Ending it ends every token of the family. */
export interface SessionsTable {
  id: string;
  userId: string;
  /** 'local' | 'google' | 'microsoft' | 'invite' */
  provider: string;
  createdAt: number;
  /** Sliding: each refresh moves it 30 days on. */
  expiresAt: number;
  lastRefreshedAt: number | null;
  endedAt: number | null;
  /** 'sign_out' | 'sign_out_everywhere' | 'password_reset' | 'refresh_reuse' | 'email_proven' */
  endedReason: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** Rotating refresh tokens; `familyId` is the session. A used token presented again revokes the family. */
export interface RefreshTokensTable {
  id: string;
  familyId: string;
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  tokenHash: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

/** A sign-in identity at an ID-token provider, keyed by (provider, subject). */
export interface IdentitiesTable {
  id: string;
  userId: string;
  provider: string;
  subject: string;
  email: string | null;
  createdAt: number;
}

/** One-time emailed tokens (verify email, reset password): hashed, with purpose and expiry. */
export interface LinkTokensTable {
  id: string;
  tokenHash: string;
  purpose: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  /**
   * A verification link's registration password (argon2id hash): following the link verifies the
   * account with this password. Null for other links and for verification links of no registration.
   */
  passwordHash: string | null;
}

export interface InvitesTable {
  id: string;
  workspaceId: string;
  email: string;
  role: string;
  tokenHash: string;
  invitedByType: string;
  invitedById: string | null;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  acceptedBy: string | null;
  revokedAt: number | null;
}

export interface AccountsTables {
  sessions: SessionsTable;
  refreshTokens: RefreshTokensTable;
  identities: IdentitiesTable;
  linkTokens: LinkTokensTable;
  invites: InvitesTable;
}
