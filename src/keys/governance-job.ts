import type { CoreDeps } from '../deps.js';
import { webhookOutbox } from '../events/webhook-outbox.js';
import { governanceRepository as repo } from './governance-repository.js';
import { expiringKeysEmail, type ExpiringKey, type KeyMailer } from './governance-emails.js';
import { DAY_MS, loadKeyPolicy } from './key-policy.js';
import { keyRepository } from './key-repository.js';
import { toKeyView, type ApiKeyRow } from './key-view.js';
import { systemCaller } from '../http/caller.js';
import { IntervalJob } from '../jobs/interval-job.js';

/** Owners hear about an expiring key this long before it stops working. */
export const EXPIRY_WARNING_MS = 7 * DAY_MS;
const SYSTEM = { type: 'system', id: null } as const;

/**
 * The background half of the key policies: disables keys idle longer than their workspace
 * allows, and warns owners a week before a key expires: one `key.expiring` event per key, and
 * one email per owner per run listing every key newly announced (a digest, not an email per key).
 * Every step is a conditional update, so several instances running it do each thing once.
 */
export class KeyGovernanceJob {
  private readonly job: IntervalJob;

  constructor(
    private readonly core: CoreDeps,
    private readonly mailer: KeyMailer,
    /** Flushes this instance's buffered key usage, so a key used a second ago is not "idle". */
    private readonly flushUsage: () => Promise<void> = async () => {},
  ) {
    this.job = new IntervalJob('key governance job', core.logger, () => this.run());
  }

  start(intervalMs: number): void {
    this.job.start(intervalMs);
  }

  close(): Promise<void> {
    return this.job.close();
  }

  async run(): Promise<{ disabled: string[]; warned: string[] }> {
    await this.flushUsage();
    const now = this.core.clock.now();
    return { disabled: await this.disableIdleKeys(now), warned: await this.warnExpiringKeys(now) };
  }

  private async disableIdleKeys(now: number): Promise<string[]> {
    const disabled: string[] = [];
    for (const { workspaceId, days } of await repo.workspacesWithIdlePolicy(this.core.db)) {
      for (const row of await repo.liveKeys(this.core.db, workspaceId, now)) {
        // Idle since its last use, its creation or its re-enabling, whichever is latest.
        const since = Math.max(Number(row.lastUsedAt ?? 0), Number(row.createdAt), Number(row.enabledAt ?? 0));
        if (now - since < days * DAY_MS) continue;
        const won = await this.core.db.transaction().execute(async (trx) => {
          if (!(await repo.disable(trx, row.id, now))) return false;
          await this.core.audit.record(trx, systemCaller(SYSTEM, workspaceId), {
            type: 'key.disabled',
            target: { type: 'api_key', id: row.id },
            data: { name: row.name, start: row.start, last4: row.last4, unusedDays: days, lastUsedAt: row.lastUsedAt },
          });
          return true;
        });
        if (!won) continue;
        disabled.push(row.id);
        await this.core.bus.publish({ kind: 'api_key', subject: row.hash });
      }
    }
    return disabled;
  }

  private async warnExpiringKeys(now: number): Promise<string[]> {
    const warned: string[] = [];
    const claimedRows: ApiKeyRow[] = [];
    const policies = new Map<string, boolean>();
    // Every key claimed is mailed, even when a later one fails: a claim is never made twice.
    try {
      await this.claimExpiring(now, policies, warned, claimedRows);
    } finally {
      if (claimedRows.length > 0) await this.emailOwners(claimedRows);
    }
    return warned;
  }

  private async claimExpiring(
    now: number,
    policies: Map<string, boolean>,
    warned: string[],
    claimedRows: ApiKeyRow[],
  ): Promise<void> {
    for (const row of await repo.expiringKeys(this.core.db, now, now + EXPIRY_WARNING_MS)) {
      let warn = policies.get(row.workspaceId);
      if (warn === undefined) {
        warn = (await loadKeyPolicy(this.core.db, row.workspaceId)).warnBeforeExpiry;
        policies.set(row.workspaceId, warn);
      }
      if (!warn) continue;
      const claimed = await this.core.db.transaction().execute(async (trx) => {
        if (!(await repo.claimExpiryWarning(trx, row.id, now))) return false;
        // The event and the "warned" mark land together: never one without the other.
        await webhookOutbox.append(trx, {
          workspaceId: row.workspaceId,
          type: 'key.expiring',
          payload: toKeyView(row, now),
          now,
        });
        return true;
      });
      if (!claimed) continue;
      warned.push(row.id);
      claimedRows.push(row);
    }
  }

  /** One digest per owner address, whatever number of keys (and of their workspaces) it lists. */
  private async emailOwners(rows: readonly ApiKeyRow[]): Promise<void> {
    const digests = new Map<string, ExpiringKey[]>();
    const workspaces = new Map<string, { name: string; owners: string[] }>();
    for (const row of rows) {
      let workspace = workspaces.get(row.workspaceId);
      if (workspace === undefined) {
        workspace = {
          name: (await keyRepository.workspace(this.core.db, row.workspaceId))?.name ?? row.workspaceId,
          owners: await repo.ownerEmails(this.core.db, row.workspaceId),
        };
        workspaces.set(row.workspaceId, workspace);
      }
      for (const to of workspace.owners) {
        const key = to.toLowerCase();
        digests.set(key, [...(digests.get(key) ?? []), { row, workspaceName: workspace.name }]);
      }
    }
    for (const [to, keys] of digests) this.mailer.send(expiringKeysEmail(this.core.config.publicUrl, to, keys));
  }
}
