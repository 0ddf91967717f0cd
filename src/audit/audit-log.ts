import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import { newId } from '../storage/ids.js';
import { redactSecrets, SECRET_FIELD_NAMES } from '../security/redact.js';
import type { PageRequest } from '../storage/pagination.js';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditEventInput {
  workspaceId: string | null;
  type: string;
  actor: { type: string; id: string | null };
  target?: { type: string; id: string } | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Non-secret facts; secret-named fields are dropped and secret-shaped strings redacted. */
  data?: Record<string, unknown>;
}

export interface AuditEventView {
  id: string;
  type: string;
  actor: { type: string; id: string | null };
  target: { type: string; id: string } | null;
  ip: string | null;
  userAgent: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

const SECRET_FIELDS = new Set(SECRET_FIELD_NAMES.map((f) => f.toLowerCase()));

function scrub(data: Record<string, unknown>): string {
  const json = JSON.stringify(data, (key, value) => (SECRET_FIELDS.has(key.toLowerCase()) ? undefined : value));
  return redactSecrets(json);
}

/** The audit log: written inside the caller's transaction so the event and the change land together. */
export class AuditLog {
  constructor(private readonly now: () => number) {}

  async record(executor: Executor, event: AuditEventInput): Promise<void> {
    await executor
      .insertInto('auditEvents')
      .values({
        id: newId('aud'),
        workspaceId: event.workspaceId,
        type: event.type,
        actorType: event.actor.type,
        actorId: event.actor.id,
        targetType: event.target?.type ?? null,
        targetId: event.target?.id ?? null,
        ip: event.ip ?? null,
        userAgent: event.userAgent ? redactSecrets(event.userAgent).slice(0, 512) : null,
        data: scrub(event.data ?? {}),
        createdAt: this.now(),
      })
      .execute();
  }

  async list(
    executor: Executor,
    workspaceId: string,
    filter: { type?: string; actor?: string },
    page: PageRequest,
  ): Promise<Array<AuditEventView & { id: string }>> {
    let query = executor.selectFrom('auditEvents').selectAll().where('workspaceId', '=', workspaceId);
    if (filter.type) query = query.where('type', '=', filter.type);
    if (filter.actor) query = query.where('actorId', '=', filter.actor);
    if (page.before) query = query.where('id', '<', page.before);
    const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      actor: { type: row.actorType, id: row.actorId },
      target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
      ip: row.ip,
      userAgent: row.userAgent,
      data: JSON.parse(row.data) as Record<string, unknown>,
      createdAt: new Date(Number(row.createdAt)).toISOString(),
    }));
  }
}
