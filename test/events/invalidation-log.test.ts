import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestDatabase } from '../helpers/app.js';
import { LOCAL_POSTGRES_URL, TEST_DATABASE_URL } from '../helpers/env.js';
import { LoggedBus } from '../../src/events/logged-bus.js';
import type { Invalidation } from '../../src/events/invalidation-bus.js';
import { RETAIN_MS } from '../../src/events/invalidation-log.js';
import { reachable } from './reachable.js';

const POSTGRES = TEST_DATABASE_URL ?? LOCAL_POSTGRES_URL;

test('the log reader delivers a row that commits after a later one (PostgreSQL sequences), once', async (context) => {
  if (!(await reachable(POSTGRES))) return context.skip('PostgreSQL unreachable');
  const database = await createTestDatabase({ postgres: POSTGRES });
  const writer = database.connect();
  const reader = database.connect();
  await writer.migrate();
  // No push channel: this bus reads only the log, by hand.
  const bus = new LoggedBus(reader.db, null, { pollMs: 60_000, logger: pino({ level: 'silent' }) });
  const seen: Invalidation[] = [];
  bus.subscribe((invalidation) => seen.push(invalidation));
  try {
    await bus.start();
    let commitEarly!: () => void;
    const held = new Promise<void>((resolve) => (commitEarly = resolve));
    let recorded!: () => void;
    const early = new Promise<void>((resolve) => (recorded = resolve));
    // The first transaction takes the lower sequence number but commits last.
    const slow = writer.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('invalidations')
        .values({ kind: 'api_key', subject: 'early', createdAt: Date.now() })
        .execute();
      recorded();
      await held;
    });
    await early;
    await writer.db
      .insertInto('invalidations')
      .values({ kind: 'api_key', subject: 'late', createdAt: Date.now() })
      .execute();
    await bus.poll();
    assert.deepEqual(
      seen.map((i) => i.subject),
      ['late'],
    );
    commitEarly();
    await slow;
    await bus.poll();
    await bus.poll();
    assert.deepEqual(
      seen.map((i) => i.subject),
      ['late', 'early'],
    );
  } finally {
    await bus.close();
    await reader.destroy();
    await writer.destroy();
    await database.drop();
  }
});

test('log rows older than the retention are pruned by the reader, newer ones kept', async () => {
  const database = await createTestDatabase({ postgres: null });
  const storage = database.connect();
  let now = Date.now();
  const bus = new LoggedBus(storage.db, null, { pollMs: 60_000, logger: pino({ level: 'silent' }), now: () => now });
  try {
    await storage.migrate();
    await bus.start();
    await bus.publish({ kind: 'session', subject: 'old' });
    now += RETAIN_MS + 1;
    await bus.publish({ kind: 'session', subject: 'new' });
    await bus.poll();
    const left = await storage.db.selectFrom('invalidations').select('subject').execute();
    assert.deepEqual(
      left.map((r) => r.subject),
      ['new'],
    );
  } finally {
    await bus.close();
    await storage.destroy();
    await database.drop();
  }
});
