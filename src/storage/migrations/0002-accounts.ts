import type { AnyDB, MigrationFactory } from './helpers.js';

/** Tables of the accounts domain (see src/accounts/tables.ts). */
export const accountsMigration: MigrationFactory = () => ({
  async up(_db: AnyDB): Promise<void> {
    // Filled in by the accounts issue.
  },
});
