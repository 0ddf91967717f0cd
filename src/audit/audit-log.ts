import type { Kysely, Transaction } from 'kysely';
import type { Static } from 'typebox';
import type { Database } from '../storage/schema.js';
import { newId } from '../storage/ids.js';
import { redactSecrets, SECRET_FIELD_NAMES } from '../security/redact.js';
import type { PageRequest } from '../storage/pagination.js';
import type { Actor, Caller } from '../http/caller.js';
import type { AuditEvent as AuditEventSchema } from './schemas.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** What happened; who, where from and (by default) in which workspace come from the Caller. */
export interface AuditEvent {
  type: string;
  target?: { type: string; id: string } | null;
  /** Non-secret facts; secret-named fields are dropped and secret-shaped strings redacted. */
  data?: Record<string, unknown>;
  /** Default: the caller's workspace. User-level events name each of the user's workspaces instead. */
  workspaceId?: string | null;
  /** Default: the caller's actor. Set when the request acts about someone it is not yet (a sign-in, an expired key). */
  actor?: Actor;
}

/** A row of the audit log before it is written: the event with its caller's facts filled in. */
interface AuditEntry {
  workspaceId: string | null;
  type: string;
  actor: { type: string; id: string | null };
  target?: { type: string; id: string } | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Non-secret facts; secret-named fields are dropped and secret-shaped strings redacted. */
  data?: Record<string, unknown>;
}

export type AuditEventView = Static<typeof AuditEventSchema>;

const SECRET_FIELDS = new Set(SECRET_FIELD_NAMES.map((f) => f.toLowerCase()));

function scrub(data: Record<string, unknown>): string {
  const json = JSON.stringify(data, (key, value) => (SECRET_FIELDS.has(key.toLowerCase()) ? undefined : value));
  return redactSecrets(json);
}

function fromCaller(caller: Caller, event: AuditEvent): AuditEntry {
  return {
    workspaceId: event.workspaceId === undefined ? caller.workspaceId : event.workspaceId,
    type: event.type,
    actor: event.actor ?? caller.actor,
    target: event.target,
    ip: caller.ip,
    userAgent: caller.userAgent,
    data: event.data,
  };
}

/** The audit log: written inside the caller's transaction so the event and the change land together. */
export class AuditLog {
  constructor(private readonly now: () => number) {}

  /** Records `event` as done by `caller`, inside the caller's executor (pass the transaction of the change). */
  async record(executor: Executor, caller: Caller, what: AuditEvent): Promise<void> {
    const event = fromCaller(caller, what);
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
  ): Promise<AuditEventView[]> {
    let query = executor.selectFrom('auditEvents').selectAll().where('workspaceId', '=', workspaceId);
    if (filter.type) query = query.where('type', '=', filter.type);
    if (filter.actor) query = query.where('actorId', '=', filter.actor);
    if (page.before) query = query.where('id', '<', page.before);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
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
