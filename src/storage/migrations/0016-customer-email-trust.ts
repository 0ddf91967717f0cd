import { sql, type AnyDB, type MigrationFactory } from './helpers.js';

/**
 * Marks the customers whose email was typed by an anonymous widget visitor: contact information
 * only, never used to find a customer (portal sign-in, inbound email). Existing rows: exactly the
 * customers behind an anonymous widget conversation (the widget creates each one with its
 * conversation row, `verified = 0`, in one transaction); an address an agent has since set on
 * one of them cannot be told apart, so it stays unverified too (PATCH it again to trust it).
 */
export const customerEmailTrustMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema
      .alterTable('customers')
      .addColumn('email_unverified', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`UPDATE customers SET email_unverified = 1
      WHERE id IN (SELECT customer_id FROM widget_conversations WHERE verified = 0)`.execute(db);
  },
  async down(db: AnyDB): Promise<void> {
    await db.schema.alterTable('customers').dropColumn('email_unverified').execute();
  },
});
