import { AuditLog } from '../../audit/audit-log.js';
import { systemClock } from '../../deps.js';
import { DEFAULT_RULES } from '../../ratelimit/rate-limiter.js';
import type { Storage } from '../../storage/database.js';
import type { InvalidationBus } from '../../events/invalidation-bus.js';
import { CLIError, required, type Command } from '../command.js';
import { openWithBus } from '../context.js';

/** The largest override accepted: well past any real need, and safe as a 32-bit integer column. */
const MAX_PER_HOUR = 1_000_000_000;

/**
 * Sets (or, with null, clears) a workspace's API-key limit per hour and tells every running
 * server: cached keys carry the limit, so they are dropped and reloaded within a second.
 * Returns the previous value, or undefined when the workspace does not exist.
 */
export async function setWorkspaceRateLimit(
  storage: Storage,
  bus: InvalidationBus,
  workspaceId: string,
  perHour: number | null,
  now: number = systemClock.now(),
): Promise<number | null | undefined> {
  const previous = await storage.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('workspaces').select(['id', 'rateLimitPerHour']).where('id', '=', workspaceId).executeTakeFirst();
    if (!row) return undefined;
    await trx.updateTable('workspaces').set({ rateLimitPerHour: perHour, updatedAt: now }).where('id', '=', workspaceId).execute();
    await new AuditLog(() => now).record(trx, {
      workspaceId,
      type: 'workspace.rate_limit_changed',
      actor: { type: 'cli', id: null },
      target: { type: 'workspace', id: workspaceId },
      data: { from: row.rateLimitPerHour === null ? null : Number(row.rateLimitPerHour), to: perHour },
    });
    return row.rateLimitPerHour === null ? null : Number(row.rateLimitPerHour);
  });
  if (previous !== undefined) await bus.publish({ kind: 'workspace', subject: workspaceId });
  return previous;
}

function parsePerHour(raw: string): number | null {
  if (raw === 'default') return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PER_HOUR) {
    throw new CLIError(`--per-hour must be a whole number from 1 to ${MAX_PER_HOUR}, or "default"`, 2);
  }
  return Number(raw);
}

export const workspaceSetRateLimitCommand: Command = {
  name: 'workspace set-rate-limit',
  usage: 'workspace set-rate-limit WS --per-hour N|default [--json]',
  summary: `change a workspace's API-key limit per hour (default ${DEFAULT_RULES.apiKey.points}); servers follow within a second`,
  options: { 'per-hour': { type: 'string' } },
  async run(context) {
    const [workspaceId] = context.positionals;
    if (!workspaceId || context.positionals.length > 1) throw new CLIError(`usage: woes ${this.usage}`, 2);
    const perHour = parsePerHour(required(context, 'per-hour'));
    const opened = await openWithBus(context.config);
    try {
      const previous = await setWorkspaceRateLimit(opened.storage, opened.bus, workspaceId, perHour);
      if (previous === undefined) throw new CLIError(`no workspace ${workspaceId}`);
      const show = (n: number | null) => (n === null ? `default (${DEFAULT_RULES.apiKey.points})` : String(n));
      context.out(`Workspace ${workspaceId}: API-key limit ${show(previous)} → ${show(perHour)} requests per hour.`, {
        id: workspaceId,
        rateLimitPerHour: perHour,
        previousRateLimitPerHour: previous,
        effectivePerHour: perHour ?? DEFAULT_RULES.apiKey.points,
      });
    } finally {
      await opened.close();
    }
  },
};
