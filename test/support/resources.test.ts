import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from './api-helpers.js';

let t: TestApp;
let a: Tenant;

before(async () => {
  t = await createTestApp();
  a = await tenant(t);
});
after(() => t.close());

async function auditTypes(workspaceId: string): Promise<string[]> {
  const rows = await t.app.woes.db
    .selectFrom('auditEvents')
    .select(['type', 'targetId'])
    .where('workspaceId', '=', workspaceId)
    .execute();
  return rows.map((r) => `${r.type}:${r.targetId}`);
}

test('customers: create, filter, patch, 409 on a taken externalId', async () => {
  const ada = await a.call('POST', '/customers', { externalId: 'c-ada', name: 'Ada', email: 'Ada@Example.com' });
  assert.equal(ada.statusCode, 201);
  assert.match(ada.json.id, /^cust_/);
  assert.equal(ada.json.email, 'ada@example.com');
  const taken = await a.call('POST', '/customers', { externalId: 'c-ada' });
  assert.equal(taken.statusCode, 409);
  assert.equal(taken.json.id, ada.json.id);
  const bob = await a.call('POST', '/customers', { externalId: 'c-bob', name: 'Bob' });

  assert.deepEqual(
    (await a.call('GET', '/customers?email=ADA@example.com')).json.data.map((c: { id: string }) => c.id),
    [ada.json.id],
  );
  assert.deepEqual(
    (await a.call('GET', '/customers?externalId=c-bob')).json.data.map((c: { id: string }) => c.id),
    [bob.json.id],
  );

  const patched = await a.call('PATCH', `/customers/${bob.json.id}`, { company: 'Acme', name: null });
  assert.equal(patched.statusCode, 200);
  assert.equal(patched.json.company, 'Acme');
  assert.equal(patched.json.name, null);
  const clash = await a.call('PATCH', `/customers/${bob.json.id}`, { externalId: 'c-ada' });
  assert.equal(clash.statusCode, 409);
  assert.equal(clash.json.id, ada.json.id);
  assert.equal((await a.call('PATCH', `/customers/${bob.json.id}`, { deletedAt: null })).statusCode, 400);
  assert.equal((await a.call('POST', '/customers', { email: 'not-an-email' })).statusCode, 400);
});

test('customers: deleting one with conversations anonymises it; without, removes it; both audited', async () => {
  const conv = await a.call('POST', '/conversations', {
    customer: { id: 'c-gone', name: 'Grace', email: 'grace@example.com' },
  });
  const customerId = conv.json.customer.id;
  const deleted = await a.call('DELETE', `/customers/${customerId}`);
  assert.equal(deleted.statusCode, 204);
  const kept = await a.call('GET', `/customers/${customerId}`);
  assert.equal(kept.statusCode, 200);
  assert.deepEqual([kept.json.name, kept.json.email, kept.json.externalId], [null, null, null]);
  assert.ok(kept.json.deletedAt);
  const after = await a.call('GET', `/conversations/${conv.json.id}`);
  assert.equal(after.json.customer.id, customerId, 'the conversation is not orphaned');
  assert.equal(after.json.customer.name, null);
  assert.equal((await a.call('DELETE', `/customers/${customerId}`)).statusCode, 404);
  assert.equal((await a.call('GET', '/customers?email=grace@example.com')).json.data.length, 0);

  const lone = await a.call('POST', '/customers', { name: 'Lone' });
  assert.equal((await a.call('DELETE', `/customers/${lone.json.id}`)).statusCode, 204);
  assert.equal((await a.call('GET', `/customers/${lone.json.id}`)).statusCode, 404);
  const events = await auditTypes(a.workspaceId);
  assert.ok(events.includes(`customer.deleted:${customerId}`));
  assert.ok(events.includes(`customer.deleted:${lone.json.id}`));
});

test('knowledge base: CRUD, published filter, ranked search with snippets through HTTP', async () => {
  const w = await tenant(t);
  const created = await w.call('POST', '/kb/articles', {
    title: 'Fixing 401 errors',
    body: 'A 401 means the key is missing or revoked.',
    tags: ['auth'],
    published: true,
  });
  assert.equal(created.statusCode, 201);
  assert.deepEqual([created.json.tags, created.json.published], [['auth'], true]);
  const draft = await w.call('POST', '/kb/articles', { title: 'Revoked keys', body: 'Draft.' });
  assert.equal(draft.json.published, false);
  assert.deepEqual(
    (await w.call('GET', '/kb/articles?published=false')).json.data.map((x: { id: string }) => x.id),
    [draft.json.id],
  );

  const hits = await w.call('GET', '/kb/search?q=revoked');
  assert.equal(hits.statusCode, 200);
  assert.deepEqual(
    hits.json.data.map((h: { id: string }) => h.id),
    [created.json.id],
    'drafts are not searched',
  );
  assert.match(hits.json.data[0].snippet, /<mark>revoked<\/mark>/i);
  assert.equal(typeof hits.json.data[0].score, 'number');

  await w.call('PATCH', `/kb/articles/${draft.json.id}`, { published: true });
  assert.equal((await w.call('GET', '/kb/search?q=revoked')).json.data.length, 2);
  assert.equal((await w.call('GET', '/kb/search')).statusCode, 400);
  assert.equal((await w.call('POST', '/kb/articles', { title: 'x', body: 'y', seq: 1 })).statusCode, 400);

  assert.equal((await w.call('DELETE', `/kb/articles/${draft.json.id}`)).statusCode, 204);
  assert.equal((await w.call('GET', `/kb/articles/${draft.json.id}`)).statusCode, 404);
  assert.ok((await auditTypes(w.workspaceId)).includes(`kb_article.deleted:${draft.json.id}`));

  const other = await tenant(t);
  assert.deepEqual((await other.call('GET', '/kb/search?q=revoked')).json.data, []);
});

test('knowledge base: search snippets over HTTP are escaped HTML, and stored U+0001/U+0002 cannot forge a <mark>', async () => {
  const w = await tenant(t);
  const markup = await w.call('POST', '/kb/articles', {
    title: 'Markup',
    body: `<img src=x onerror=alert(1)> quokka & "q" 'x'`,
    published: true,
  });
  assert.equal(markup.statusCode, 201);
  // Only U+0000 is refused on input: the other control characters are stored as they are.
  const forger = await w.call('POST', '/kb/articles', {
    title: 'Forger',
    body: 'wombat \u0001evil\u0002 \u0001/x\u0002 tail',
    published: true,
  });
  assert.equal(forger.statusCode, 201);
  assert.equal((await w.call('GET', `/kb/articles/${forger.json.id}`)).json.body.includes('\u0001evil\u0002'), true);

  const [hit] = (await w.call('GET', '/kb/search?q=quokka')).json.data;
  assert.equal(hit.id, markup.json.id);
  assert.match(hit.snippet, /<mark>quokka<\/mark>/);
  assert.ok(!/[<>"']/.test(hit.snippet.replace(/<\/?mark>/g, '')), hit.snippet);
  assert.match(hit.snippet, /alert\(1\)&gt; <mark>quokka<\/mark>/);

  const [forged] = (await w.call('GET', '/kb/search?q=wombat')).json.data;
  assert.equal(forged.id, forger.json.id);
  assert.equal(forged.snippet.match(/<mark>/g)?.length, 1, forged.snippet);
  assert.ok(!forged.snippet.includes('\u0001') && !forged.snippet.includes('\u0002'), forged.snippet);
});

test('agents: CRUD with defaults; deletion audited', async () => {
  const created = await a.call('POST', '/agents', { name: 'Auth helper' });
  assert.equal(created.statusCode, 201);
  assert.deepEqual([created.json.instructions, created.json.enabled], ['', true]);
  const patched = await a.call('PATCH', `/agents/${created.json.id}`, { enabled: false, instructions: 'Be brief.' });
  assert.deepEqual([patched.json.enabled, patched.json.instructions], [false, 'Be brief.']);
  assert.equal((await a.call('GET', '/agents')).json.data[0].id, created.json.id);
  assert.equal((await a.call('PATCH', `/agents/${created.json.id}`, { workspaceId: 'ws_x' })).statusCode, 400);
  assert.equal((await a.call('DELETE', `/agents/${created.json.id}`)).statusCode, 204);
  assert.equal((await a.call('GET', `/agents/${created.json.id}`)).statusCode, 404);
  assert.ok((await auditTypes(a.workspaceId)).includes(`agent.deleted:${created.json.id}`));
});

test('every support route is in the OpenAPI document with a summary, security and examples', async () => {
  const doc = (await t.request({ method: 'GET', url: '/openapi.json' })).json;
  const paths = [
    '/api/v1/conversations',
    '/api/v1/conversations/{id}',
    '/api/v1/conversations/{id}/messages',
    '/api/v1/customers',
    '/api/v1/customers/{id}',
    '/api/v1/kb/articles',
    '/api/v1/kb/articles/{id}',
    '/api/v1/kb/search',
    '/api/v1/agents',
    '/api/v1/agents/{id}',
  ];
  for (const path of paths) {
    assert.ok(doc.paths[path], path);
    for (const [method, op] of Object.entries(doc.paths[path]) as Array<[string, any]>) {
      assert.ok(op.summary, `${method} ${path} summary`);
      assert.ok(op.security?.length, `${method} ${path} security`);
      const body = op.requestBody?.content?.['application/json'];
      if (body)
        assert.ok(body.schema.examples?.length || body.examples || body.example, `${method} ${path} request example`);
    }
  }
});
