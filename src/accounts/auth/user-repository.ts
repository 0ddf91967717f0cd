import type { Static } from 'typebox';
import type { User } from './schemas.js';
import type { Executor } from '../../audit/audit-log.js';
import type { UsersTable } from '../../storage/schema.js';
import { newId } from '../../storage/ids.js';
import { isoTime } from '../../http/schemas.js';

/** Addresses compare case-insensitively; they are stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type UserView = Static<typeof User>;

export function toUserView(row: Pick<UsersTable, 'id' | 'email' | 'name' | 'emailVerifiedAt' | 'createdAt'>): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    emailVerified: row.emailVerifiedAt !== null,
    createdAt: isoTime(row.createdAt)!,
  };
}

export function findUserByEmail(executor: Executor, email: string): Promise<UsersTable | undefined> {
  return executor.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export function findUserById(executor: Executor, id: string): Promise<UsersTable | undefined> {
  return executor.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  executor: Executor,
  input: { email: string; name: string; passwordHash: string | null; verified: boolean; now: number },
): Promise<UsersTable> {
  const row: UsersTable = {
    id: newId('usr', input.now),
    email: normalizeEmail(input.email),
    name: input.name.trim() || normalizeEmail(input.email).split('@')[0],
    passwordHash: input.passwordHash,
    emailVerifiedAt: input.verified ? input.now : null,
    createdAt: input.now,
    updatedAt: input.now,
  };
  await executor.insertInto('users').values(row).execute();
  return row;
}

/**
 * Marks the email verified, only if it was not; `dropPassword` clears the password in the same
 * statement. Returns whether this call made the change (of two racing proofs, one does).
 */
export async function markEmailVerified(
  executor: Executor,
  input: { userId: string; now: number; dropPassword: boolean; passwordHash?: string },
): Promise<boolean> {
  const { userId, now } = input;
  const changed = await executor
    .updateTable('users')
    .set(
      input.dropPassword
        ? { emailVerifiedAt: now, passwordHash: null, updatedAt: now }
        : input.passwordHash !== undefined
          ? { emailVerifiedAt: now, passwordHash: input.passwordHash, updatedAt: now }
          : { emailVerifiedAt: now, updatedAt: now },
    )
    .where('id', '=', userId)
    .where('emailVerifiedAt', 'is', null)
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1;
}

export async function setPasswordHash(
  executor: Executor,
  userId: string,
  passwordHash: string,
  now: number,
): Promise<void> {
  await executor.updateTable('users').set({ passwordHash, updatedAt: now }).where('id', '=', userId).execute();
}
