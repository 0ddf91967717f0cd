import { PLANS, type Plan } from '../../config.js';
import { CLIError, type Command } from '../command.js';
import { openCore, warnFastPath } from '../context.js';

export const workspaceSetPlanCommand: Command = {
  name: 'workspace set-plan',
  usage: 'workspace set-plan WS PLAN [--json]',
  summary: `change a workspace's plan (${PLANS.join(', ')}); API keys follow within a second`,
  async run(context) {
    const [workspaceId, plan] = context.positionals;
    if (!workspaceId || !plan) throw new CLIError(`usage: woes ${this.usage}`, 2);
    if (!PLANS.includes(plan as Plan)) throw new CLIError(`PLAN must be one of: ${PLANS.join(', ')}`, 2);
    const opened = await openCore(context.config);
    try {
      const result = await opened.services.operatorWorkspaces.setPlan(workspaceId, plan as Plan);
      if (result === undefined) throw new CLIError(`no workspace ${workspaceId}`);
      warnFastPath(result.warning);
      context.out(`Workspace ${workspaceId}: plan ${result.previous} → ${plan}.`, {
        id: workspaceId,
        plan,
        previousPlan: result.previous,
      });
    } finally {
      await opened.close();
    }
  },
};
