import type { CoreDeps } from '../../deps.js';
import type { Plan } from '../../config.js';
import type { FastPathWarning } from '../../events/invalidation-bus.js';
import { cliCaller } from '../../http/caller.js';
import { operatorFieldsOf, setOperatorFields } from './workspace-repository.js';

export interface OperatorChange<T> {
  readonly previous: T;
  /** Set when the fast path (Redis / NOTIFY) failed; the database log still reaches every server. */
  readonly warning: FastPathWarning;
}

/**
 * What the operator (`woes workspace …` on the server's machine) changes about a workspace: its
 * plan and its API-key limit. Cached keys carry both, so each change is logged for every server
 * in the same transaction, then announced on the fast path.
 */
export class OperatorWorkspaces {
  constructor(private readonly core: Pick<CoreDeps, 'db' | 'bus' | 'audit' | 'clock'>) {}

  /** Undefined when the workspace does not exist. */
  async setPlan(workspaceId: string, plan: Plan): Promise<OperatorChange<string> | undefined> {
    return this.change(workspaceId, { plan }, 'workspace.plan_changed', (row) => row.plan);
  }

  /** `null` restores the default limit. Undefined when the workspace does not exist. */
  async setRateLimit(workspaceId: string, perHour: number | null): Promise<OperatorChange<number | null> | undefined> {
    return this.change(
      workspaceId,
      { rateLimitPerHour: perHour },
      'workspace.rate_limit_changed',
      (row) => row.rateLimitPerHour,
    );
  }

  private async change<T>(
    workspaceId: string,
    fields: { plan?: Plan; rateLimitPerHour?: number | null },
    type: string,
    previousOf: (row: { plan: string; rateLimitPerHour: number | null }) => T,
  ): Promise<OperatorChange<T> | undefined> {
    const now = this.core.clock.now();
    const result = await this.core.db.transaction().execute(async (trx) => {
      const row = await operatorFieldsOf(trx, workspaceId);
      if (!row) return undefined;
      await setOperatorFields(trx, workspaceId, fields, now);
      const to = fields.plan ?? fields.rateLimitPerHour ?? null;
      await this.core.audit.record(trx, cliCaller(workspaceId), {
        type,
        target: { type: 'workspace', id: workspaceId },
        data: { from: previousOf(row), to },
      });
      return {
        previous: previousOf(row),
        logged: await this.core.bus.record(trx, { kind: 'workspace', subject: workspaceId }),
      };
    });
    if (result === undefined) return undefined;
    return { previous: result.previous, warning: await this.core.bus.announce(result.logged) };
  }
}
