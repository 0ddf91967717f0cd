import type { Command } from '../command.js';
import { migrateCommand, startCommand } from './server.js';
import { initCommand } from './init.js';
import { mailListCommand } from './mail.js';
import { keysCreateCommand, keysListCommand, keysRevokeCommand } from './keys.js';
import { workspaceSetPlanCommand } from './workspace-plan.js';
import { keysReportLeakedCommand, keysScanCommand } from './keys-governance.js';
import { workspaceSetRateLimitCommand } from './workspace-rate-limit.js';
import { vaultRotateMasterKeyCommand } from './vault.js';

/** Every `woes` command. Domain issues add theirs here. */
export const COMMANDS: readonly Command[] = [
  startCommand,
  migrateCommand,
  initCommand,
  mailListCommand,
  keysCreateCommand,
  keysListCommand,
  keysRevokeCommand,
  keysScanCommand,
  keysReportLeakedCommand,
  workspaceSetPlanCommand,
  workspaceSetRateLimitCommand,
  vaultRotateMasterKeyCommand,
];
