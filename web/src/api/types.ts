/** Shapes of the public API that the pages read (SPEC §6). */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  start: string;
  last4: string;
  scopes: string[];
  createdAt: string;
  createdBy: Actor | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  stale: boolean;
  /** Set when the key was rolled: the key that replaced it. */
  rolledTo?: string | null;
  rolledFrom?: string | null;
}

export interface Actor {
  type: string;
  id: string | null;
}

export interface CreatedKey extends ApiKey {
  secret: string;
}

export interface DailyCount {
  date: string;
  requests: number;
}

export interface KeyUsage {
  keyId: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  lastUsedUserAgent: string | null;
  totalRequests: number;
  days: DailyCount[];
}

export interface WidgetKey {
  id: string;
  name: string;
  start: string;
  last4: string;
  allowedOrigins: string[];
  createdAt: string;
  createdBy: Actor | null;
  revokedAt: string | null;
}

export interface CreatedWidgetKey extends WidgetKey {
  key: string;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  joinedAt?: string;
  createdAt?: string;
}

export interface Invite {
  id: string;
  email: string;
  role: string;
  createdAt: string;
  expiresAt?: string;
}

export interface AuditEvent {
  id: string;
  type: string;
  actor: { type: string; id: string | null };
  target: { type: string; id: string } | null;
  ip: string | null;
  userAgent: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface Me {
  type: 'api_key' | 'session';
  workspace: { id: string; name?: string } | string;
  scopes: string[];
  keyId?: string;
  user?: { id: string; email: string; name: string };
}
