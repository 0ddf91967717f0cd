import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect, MigrationFactory } from './helpers.js';
import { coreMigration } from './0001-core.js';
import { accountsMigration } from './0002-accounts.js';
import { keysMigration } from './0003-keys.js';
import { supportMigration } from './0004-support.js';
import { keyGovernanceMigration } from './0007-key-governance.js';
import { widgetMigration } from './0008-widget.js';
import { portalMigration } from './0009-portal.js';
import { conversationAssigneeMigration } from './0010-conversation-assignee.js';
import { webhooksMigration } from './0011-webhooks.js';
import { channelsMigration } from './0012-channels.js';
import { apiTestsMigration } from './0013-api-tests.js';
import { retentionMigration } from './0014-retention.js';
import { retentionSweepsMigration } from './0015-retention-sweeps.js';
import { customerEmailTrustMigration } from './0016-customer-email-trust.js';
import { customerVisibleTimeMigration } from './0017-customer-visible-time.js';
import { verificationPasswordMigration } from './0018-verification-password.js';

/** One ordered set of migrations for both dialects. Never edit a released one: add the next. */
const MIGRATIONS: ReadonlyArray<[string, MigrationFactory]> = [
  ['0001-core', coreMigration],
  ['0002-accounts', accountsMigration],
  ['0003-keys', keysMigration],
  ['0004-support', supportMigration],
  ['0007-key-governance', keyGovernanceMigration],
  ['0008-widget', widgetMigration],
  ['0009-portal', portalMigration],
  ['0010-conversation-assignee', conversationAssigneeMigration],
  ['0011-webhooks', webhooksMigration],
  ['0012-channels', channelsMigration],
  ['0013-api-tests', apiTestsMigration],
  ['0014-retention', retentionMigration],
  ['0015-retention-sweeps', retentionSweepsMigration],
  ['0016-customer-email-trust', customerEmailTrustMigration],
  ['0017-customer-visible-time', customerVisibleTimeMigration],
  ['0018-verification-password', verificationPasswordMigration],
];

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(MIGRATIONS.map(([name, factory]) => [name, factory(dialect)]));
    },
  };
}
