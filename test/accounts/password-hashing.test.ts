import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { PasswordHasher, hashPassword } from '../../src/accounts/auth/passwords.js';

// Argon2 runs wait for a slot (at most one per core at once, for memory): more simultaneous runs
// than slots must all finish, each with its own right answer, and none may be lost in the queue.
test('more simultaneous hashes and verifications than cores all complete with the right answer', async () => {
  const hasher = new PasswordHasher();
  const count = os.availableParallelism() * 2 + 1;
  const passwords = Array.from({ length: count }, (_, i) => `correct horse ${i}`);
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  assert.equal(new Set(hashes).size, count);
  const checks = await Promise.all([
    ...hashes.map((h, i) => hasher.verify(h, passwords[i])),
    ...hashes.map((h, i) => hasher.verify(h, `${passwords[i]}!`)),
    hasher.verify(null, passwords[0]),
  ]);
  assert.deepEqual(checks, [...hashes.map(() => true), ...hashes.map(() => false), false]);
});
