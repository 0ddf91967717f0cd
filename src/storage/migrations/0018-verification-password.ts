import type { AnyDB, MigrationFactory } from './helpers.js';

/**
 * A verification link names the password of the registration it was mailed for
 * (`link_tokens.password_hash`; null for links that confirm no particular registration: resends,
 * and every link made before this version). Without it, a second registration of an address
 * that was taken but never verified mailed a link for the first registrant's account, and
 * following it kept the first registrant's password: someone who registered your address before
 * you could sign in to the account you then verified ("pre-account hijacking").
 */
export const verificationPasswordMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema.alterTable('link_tokens').addColumn('password_hash', 'text').execute();
  },
  async down(db: AnyDB): Promise<void> {
    await db.schema.alterTable('link_tokens').dropColumn('password_hash').execute();
  },
});
