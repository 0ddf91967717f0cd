import { AuditLog } from '../../audit/audit-log.js';
import { PLANS, type Plan } from '../../config.js';
import { systemClock } from '../../deps.js';
import { CLIError, type Command } from '../command.js';
import { openWithBus } from '../context.js';

export const workspaceSetPlanCommand: Command = {
  name: 'workspace set-plan',
  usage: 'workspace set-plan WS PLAN [--json]',
  summary: `change a workspace's plan (${PLANS.join(', ')}); API keys follow within a second`,
  async run(context) {
    const [workspaceId, plan] = context.positionals;
    if (!workspaceId || !plan) throw new CLIError(`usage: woes ${this.usage}`, 2);
    if (!PLANS.includes(plan as Plan)) throw new CLIError(`PLAN must be one of ${PLANS.join(', ')}`, 2);
    const opened = await openWithBus(context.config);
    try {
      const now = systemClock.now();
      const previous = await opened.storage.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('workspaces').select(['id', 'plan']).where('id', '=', workspaceId).executeTakeFirst();
        if (!row) return null;
        await trx.updateTable('workspaces').set({ plan, updatedAt: now }).where('id', '=', workspaceId).execute();
        await new AuditLog(() => now).record(trx, {
          workspaceId,
          type: 'workspace.plan_changed',
          actor: { type: 'cli', id: null },
          target: { type: 'workspace', id: workspaceId },
          data: { from: row.plan, to: plan },
        });
        return row.plan;
      });
      if (previous === null) throw new CLIError(`no workspace ${workspaceId}`);
      // Cached keys carry the plan: every server reloads this workspace's keys.
      await opened.bus.publish({ kind: 'workspace', subject: workspaceId });
      context.out(`Workspace ${workspaceId}: plan ${previous} → ${plan}.`, { id: workspaceId, plan, previousPlan: previous });
    } finally {
      await opened.close();
    }
  },
};
