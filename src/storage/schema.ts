import type { Generated } from 'kysely';
import type { AccountsTables } from '../accounts/tables.js';
import type { KeysTables } from '../keys/tables.js';
import type { SupportTables } from '../support/tables.js';
import type { WidgetTables } from '../widget/tables.js';
import type { PortalTables } from '../portal/tables.js';
import type { WebhooksTables } from '../webhooks/tables.js';
import type { ApiTestsTables } from '../apitests/tables.js';
import type { ChannelsTables } from '../channels/tables.js';

/**
 * The database as Kysely sees it. Columns are snake_case in SQL and camelCase here
 * (CamelCasePlugin). Times are epoch milliseconds (integer/bigint); booleans are 0/1;
 * lists and objects are JSON text — the same representation on SQLite and PostgreSQL.
 */
export interface WorkspacesTable {
  id: string;
  name: string;
  plan: string;
  /** null: the default API-key limit applies. */
  rateLimitPerHour: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  emailVerifiedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface MembershipsTable {
  workspaceId: string;
  userId: string;
  role: string;
  createdAt: number;
}

export interface AuditEventsTable {
  id: string;
  workspaceId: string | null;
  type: string;
  actorType: string;
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** JSON object of non-secret facts about the event. */
  data: string;
  createdAt: number;
}

/** The embedded-mode invalidation log that servers poll (and the record of every invalidation). */
export interface InvalidationsTable {
  seq: Generated<number>;
  kind: string;
  subject: string;
  createdAt: number;
}

/** The event outbox: events written with the change that caused them; webhooks (#15) deliver them. */
export interface WebhookEventsTable {
  id: string;
  workspaceId: string;
  type: string;
  /** JSON: the public API's shape of the resource the event is about. */
  payload: string;
  createdAt: number;
  /** When the webhook dispatcher made its deliveries; null: not yet. */
  dispatchedAt: number | null;
}

export interface CoreTables {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  auditEvents: AuditEventsTable;
  invalidations: InvalidationsTable;
  webhookEvents: WebhookEventsTable;
}

export interface Database
  extends
    CoreTables,
    AccountsTables,
    KeysTables,
    SupportTables,
    WidgetTables,
    PortalTables,
    WebhooksTables,
    ApiTestsTables,
    ChannelsTables {}
