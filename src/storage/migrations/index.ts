import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect, MigrationFactory } from './helpers.js';
import { coreMigration } from './0001-core.js';
import { accountsMigration } from './0002-accounts.js';
import { keysMigration } from './0003-keys.js';
import { supportMigration } from './0004-support.js';

/** One ordered set of migrations for both dialects. Never edit a released one: add the next. */
const MIGRATIONS: ReadonlyArray<[string, MigrationFactory]> = [
  ['0001-core', coreMigration],
  ['0002-accounts', accountsMigration],
  ['0003-keys', keysMigration],
  ['0004-support', supportMigration],
];

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(MIGRATIONS.map(([name, factory]) => [name, factory(dialect)]));
    },
  };
}
