import { query, type Cluster } from './context.js';

/** What the outbox must hold for each stored row: its creation event, once. */
const CREATED = [
  { table: 'messages', type: 'message.created' },
  { table: 'conversations', type: 'conversation.created' },
] as const;

export interface OutboxAudit {
  /** Rows per table, e.g. "messages 1234". */
  rows: string[];
  /** Rows with no creation event, events doubled, and events naming a row that does not exist. */
  missing: string[];
  doubled: string[];
  orphans: string[];
}

/**
 * Compares the whole database with its outbox (issues #15 and #17: "no outbox event lost"):
 * every committed message and conversation has exactly one creation event, and no creation
 * event names a row that was never committed. Counted in SQL, across every scenario's writes.
 */
export async function auditOutbox(cluster: Cluster): Promise<OutboxAudit> {
  const audit: OutboxAudit = { rows: [], missing: [], doubled: [], orphans: [] };
  for (const { table, type } of CREATED) {
    const events = `select payload::jsonb->>'id' as id, count(*) as n from webhook_events where type = $1 group by 1`;
    const [{ n }] = await query<{ n: string }>(cluster, `select count(*) as n from ${table}`);
    audit.rows.push(`${table} ${n}`);
    const wrong = await query<{ id: string; n: string }>(
      cluster,
      `select t.id, coalesce(e.n, 0) as n from ${table} t left join (${events}) e on e.id = t.id
        where coalesce(e.n, 0) <> 1`,
      [type],
    );
    for (const row of wrong) (Number(row.n) === 0 ? audit.missing : audit.doubled).push(`${type} ${row.id}`);
    const orphans = await query<{ id: string }>(
      cluster,
      `select e.id from (${events}) e left join ${table} t on t.id = e.id where t.id is null`,
      [type],
    );
    audit.orphans.push(...orphans.map((row) => `${type} ${row.id}`));
  }
  return audit;
}

/** The audit as one figure for the report. */
export function describeAudit(audit: OutboxAudit): string {
  const sample = [...audit.missing, ...audit.doubled, ...audit.orphans].slice(0, 3);
  return (
    `${audit.rows.join(', ')}: ${audit.missing.length} without their event, ${audit.doubled.length} with more than one, ` +
    `${audit.orphans.length} events for rows that do not exist${sample.length ? ` (${sample.join('; ')})` : ''}`
  );
}

export function auditPassed(audit: OutboxAudit): boolean {
  return audit.missing.length === 0 && audit.doubled.length === 0 && audit.orphans.length === 0;
}
