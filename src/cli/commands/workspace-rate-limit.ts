import { AuditLog } from '../../audit/audit-log.js';
import { OperatorWorkspaces } from '../../accounts/index.js';
import { systemClock } from '../../deps.js';
import { DEFAULT_RULES } from '../../ratelimit/rate-limiter.js';
import type { Storage } from '../../storage/database.js';
import type { InvalidationBus } from '../../events/invalidation-bus.js';
import { CLIError, required, type Command } from '../command.js';
import { openCore, warnFastPath } from '../context.js';

/** The largest override accepted: well past any real need, and safe as a 32-bit integer column. */
const MAX_PER_HOUR = 1_000_000_000;

/**
 * Sets (or, with null, clears) a workspace's API-key limit per hour and tells every running
 * server: cached keys carry the limit, so they are dropped and reloaded within a second.
 * Returns the previous value, or undefined when the workspace does not exist. The change is the
 * composition root's OperatorWorkspaces service; this wrapper serves callers holding only a
 * storage and a bus.
 */
export async function setWorkspaceRateLimit(
  storage: Storage,
  bus: InvalidationBus,
  workspaceId: string,
  perHour: number | null,
  now: number = systemClock.now(),
  warn: (warning: string | null) => void = () => undefined,
): Promise<number | null | undefined> {
  const operator = new OperatorWorkspaces({
    db: storage.db,
    bus,
    audit: new AuditLog(() => now),
    clock: { now: () => now },
  });
  const result = await operator.setRateLimit(workspaceId, perHour);
  if (result === undefined) return undefined;
  warn(result.warning);
  return result.previous;
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
    const opened = await openCore(context.config);
    try {
      const result = await opened.services.operatorWorkspaces.setRateLimit(workspaceId, perHour);
      if (result === undefined) throw new CLIError(`no workspace ${workspaceId}`);
      warnFastPath(result.warning);
      const previous = result.previous;
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
