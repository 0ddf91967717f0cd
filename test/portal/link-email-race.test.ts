import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { customerWithConversation, portalMails } from './helpers.js';
import { Mailer } from '../../src/accounts/mail/mailer.js';
import { PortalService } from '../../src/portal/portal-service.js';
import { portalSupport, type PortalSupport } from '../../src/portal/support-adapter.js';
import { createSupportServices } from '../../src/support/services.js';
import type { RequestCaller } from '../../src/http/caller.js';

// A link request looks the customer up by email, then writes the link and mails it. If
// PATCH /customers/:id moves the email in between, the link must not be written or mailed: the
// PATCH has already ended the customer's portal access at the old address.

let t: TestApp;
let a: Tenant;

before(async () => {
  t = await createTestApp();
  a = await tenant(t);
});
after(() => t.close());

const FACTS: RequestCaller = {
  principal: null,
  workspaceId: null,
  actor: { type: 'anonymous', id: null },
  ip: '127.0.0.1',
  requestId: 'req-race',
} as unknown as RequestCaller;

/**
 * A portal service like the app's, whose customer lookup (its seam to support) runs `between`
 * after the real lookup and before the service writes the link: the race, made deterministic.
 */
function serviceWithLookupHook(between: (customerId: string) => Promise<void>): PortalService {
  const core = t.app.woes;
  const real = portalSupport(createSupportServices(core), core.db);
  const support: PortalSupport = {
    async customerByEmail(workspaceId, email) {
      const id = await real.customerByEmail(workspaceId, email);
      if (id !== undefined) await between(id);
      return id;
    },
    addCustomerReply: real.addCustomerReply,
  };
  return new PortalService(core, new Mailer(core), support);
}

async function linksOf(customerId: string): Promise<number> {
  const rows = await t.app.woes.db
    .selectFrom('portalLinks')
    .select('tokenHash')
    .where('customerId', '=', customerId)
    .execute();
  return rows.length;
}

test('without an email change in between, the hooked service writes and mails the link (the control)', async () => {
  const c = await customerWithConversation(a, 'kim', 'kim@example.com', 'Kim asks');
  const service = serviceWithLookupHook(async () => {});
  service.requestLink(a.workspaceId, 'kim@example.com', FACTS);
  await service.idle();
  assert.equal(await linksOf(c.customerId), 1);
  assert.equal(portalMails(t, 'kim@example.com').length, 1);
});

test('an email change committed between the lookup and the insert leaves no link and sends no mail', async () => {
  const c = await customerWithConversation(a, 'lou', 'lou@example.com', 'Lou asks');
  const service = serviceWithLookupHook(async (customerId) => {
    const moved = await a.call('PATCH', `/customers/${customerId}`, { email: 'lou.new@example.com' });
    assert.equal(moved.statusCode, 200, moved.body);
  });
  service.requestLink(a.workspaceId, 'lou@example.com', FACTS);
  await service.idle();
  assert.equal(await linksOf(c.customerId), 0, 'no link was written for the old address');
  assert.equal(portalMails(t, 'lou@example.com').length, 0, 'no link was mailed to the old address');
  const audited = await t.app.woes.db
    .selectFrom('auditEvents')
    .select('id')
    .where('type', '=', 'portal.link_requested')
    .where('targetId', '=', c.customerId)
    .execute();
  assert.equal(audited.length, 0, 'no link_requested event for a link that was not written');
});

test('PostgreSQL: an email change not yet committed holds the insert back, which then sees the new address', async (ctx) => {
  if (t.database.dialect !== 'postgres') {
    ctx.skip('SQLite runs one writer at a time: the insert cannot run inside an open email change');
    return;
  }
  const db = t.app.woes.db;
  const c = await customerWithConversation(a, 'max', 'max@example.com', 'Max asks');
  let commit!: () => void;
  const gate = new Promise<void>((resolve) => (commit = resolve));
  let change: Promise<void> = Promise.resolve();
  const service = serviceWithLookupHook(async (customerId) => {
    let updated!: () => void;
    const didUpdate = new Promise<void>((resolve) => (updated = resolve));
    // The first statement of PATCH /customers/:id's transaction, left uncommitted.
    change = db.transaction().execute(async (trx) => {
      await trx.updateTable('customers').set({ email: 'max.new@example.com' }).where('id', '=', customerId).execute();
      updated();
      await gate;
    });
    await didUpdate;
  });
  service.requestLink(a.workspaceId, 'max@example.com', FACTS);
  // Either the insert waits on the customer row (fixed) or it finishes while the change is open (the race).
  let settled = false;
  const outcome = await Promise.race([
    service.idle().then(() => 'finished' as const),
    (async () => {
      while (!settled) {
        const waiting = await sql<{ n: string }>`
            select count(*) as n from pg_stat_activity
            where wait_event_type = 'Lock' and query ilike 'insert into "portal_links"%'`.execute(db);
        if (Number(waiting.rows[0].n) > 0) return 'waiting' as const;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return 'finished' as const;
    })(),
  ]);
  settled = true;
  commit();
  await change;
  await service.idle();
  assert.equal(outcome, 'waiting', 'the link insert waited for the open email change');
  assert.equal(await linksOf(c.customerId), 0, 'no link was written for the old address');
  assert.equal(portalMails(t, 'max@example.com').length, 0, 'no link was mailed to the old address');
});
