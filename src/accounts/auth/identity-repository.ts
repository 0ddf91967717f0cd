import type { Executor } from '../../audit/audit-log.js';
import { newId } from '../../storage/ids.js';
import type { UsersTable } from '../../storage/schema.js';

/** The SQL of ID-token identities: (provider, subject) → user. */

/** The user an identity is linked to. */
export function findUserByIdentity(
  executor: Executor,
  provider: string,
  subject: string,
): Promise<UsersTable | undefined> {
  return executor
    .selectFrom('identities')
    .innerJoin('users', 'users.id', 'identities.userId')
    .selectAll('users')
    .where('identities.provider', '=', provider)
    .where('identities.subject', '=', subject)
    .executeTakeFirst();
}

/** Links an identity; a concurrent link of the same (provider, subject) is a unique violation. */
export async function linkIdentity(
  executor: Executor,
  input: { userId: string; provider: string; subject: string; email: string | null; now: number },
): Promise<void> {
  await executor
    .insertInto('identities')
    .values({
      id: newId('idn', input.now),
      userId: input.userId,
      provider: input.provider,
      subject: input.subject,
      email: input.email,
      createdAt: input.now,
    })
    .execute();
}

export async function unlinkAllIdentities(executor: Executor, userId: string): Promise<void> {
  await executor.deleteFrom('identities').where('userId', '=', userId).execute();
}
