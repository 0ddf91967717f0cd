import type { AnyDB, MigrationFactory } from './helpers.js';

/** Tables of the support domain (see src/support/tables.ts). */
export const supportMigration: MigrationFactory = () => ({
  async up(_db: AnyDB): Promise<void> {
    // Filled in by the support issue.
  },
});
