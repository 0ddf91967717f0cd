import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { generateApiKey, encodeChecksum, crc32 } from '../../src/keys/key-format.js';
import { randomIP } from '../ratelimit/helpers.js';
import { createCountingTestApp, type QueryCounter } from './helpers.js';
import type { TestApp } from '../helpers/app.js';

// Issue #18: an attacker's junk must cost less than a real request. A refused key reaches no
// database and computes no hash beyond its checksum; a blocked IP not even that.

/** SHA-256 computations made by the app (through `createHash` or the one-shot `hash`, the two ways Node offers). */
const sha256 = { count: 0 };
const realCreateHash = crypto.createHash;
const realHash = crypto.hash;

let t: TestApp & { queries: QueryCounter };
let workspace: string;

before(async () => {
  crypto.createHash = ((algorithm: string, options?: crypto.HashOptions) => {
    if (algorithm.toLowerCase() === 'sha256') sha256.count++;
    return realCreateHash(algorithm, options);
  }) as typeof crypto.createHash;
  crypto.hash = ((algorithm: string, ...rest: [crypto.BinaryLike, crypto.BinaryToTextEncoding?]) => {
    if (algorithm.toLowerCase() === 'sha256') sha256.count++;
    return realHash(algorithm, ...rest);
  }) as typeof crypto.hash;
  // ESM named imports of a builtin (`import { createHash } from 'node:crypto'`) follow the change.
  syncBuiltinESMExports();
  t = await createCountingTestApp();
  workspace = await createWorkspace(t, { name: 'Acme' });
});
after(async () => {
  crypto.createHash = realCreateHash;
  crypto.hash = realHash;
  syncBuiltinESMExports();
  await t.close();
});

async function cost(
  headers: Record<string, string>,
  ip: string,
): Promise<{ status: number; queries: number; hashes: number }> {
  const queries = t.queries.count;
  const hashes = sha256.count;
  const response = await t.request({ method: 'GET', url: '/api/v1/me', headers, remoteAddress: ip });
  return { status: response.statusCode, queries: t.queries.count - queries, hashes: sha256.count - hashes };
}

test('the counters see a real lookup: a valid cold key costs one hash and one query', async () => {
  const key = await createApiKey(t, workspace, ['read']);
  assert.deepEqual(await cost(bearer(key.secret), randomIP()), { status: 200, queries: 1, hashes: 1 });
  // Warm: the hash is the cache's key, the database is not touched.
  assert.deepEqual(await cost(bearer(key.secret), randomIP()), { status: 200, queries: 0, hashes: 1 });
});

test('a bad checksum, a wrong length or junk is refused with no hash and no query', async () => {
  const good = generateApiKey();
  const badChecksum = good.slice(0, 38) + encodeChecksum((crc32(good.slice(0, 38)) + 1) >>> 0);
  for (const token of [badChecksum, good.slice(0, 43), `${good}x`, 'woesk_short', 'not-a-credential']) {
    assert.deepEqual(await cost(bearer(token), randomIP()), { status: 401, queries: 0, hashes: 0 }, token.slice(0, 12));
  }
});

test('an unknown well-formed key is looked up once; after that it costs its hash only', async () => {
  const unknown = generateApiKey();
  assert.deepEqual(await cost(bearer(unknown), randomIP()), { status: 401, queries: 1, hashes: 1 });
  assert.deepEqual(await cost(bearer(unknown), randomIP()), { status: 401, queries: 0, hashes: 1 });
});

test('once an IP has spent its failed-credential budget, any key from it costs no hash and no query', async () => {
  const key = await createApiKey(t, workspace, ['read']);
  const attacker = randomIP();
  for (let i = 0; i < 20; i++) assert.equal((await cost(bearer(`woesk_${'A'.repeat(38)}`), attacker)).status, 401);
  assert.deepEqual(await cost(bearer(key.secret), attacker), { status: 429, queries: 0, hashes: 0 });
  assert.deepEqual(await cost(bearer(generateApiKey()), attacker), { status: 429, queries: 0, hashes: 0 });
});
