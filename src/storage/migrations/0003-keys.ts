import type { AnyDB, MigrationFactory } from './helpers.js';

/** Tables of the keys domain (see src/keys/tables.ts). */
export const keysMigration: MigrationFactory = () => ({
  async up(_db: AnyDB): Promise<void> {
    // Filled in by the keys issue.
  },
});
