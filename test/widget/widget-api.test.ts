import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { isWellFormedHistorySecret } from '../../src/keys/key-format.js';
import { ORIGIN, widgetTenant, type WidgetTenant } from './helpers.js';

let t: TestApp;
let w: WidgetTenant;
const secrets: string[] = [];

before(async () => {
  t = await createTestApp({
    deps: {
      rateRules: {
        widgetNewConversation: { points: 30, durationMs: 3_600_000 },
        widgetReadConversation: { points: 30, durationMs: 60_000 },
      },
    },
  });
  w = await widgetTenant(t);
});
after(() => t.close());

async function start(body = 'Hello, my order is late') {
  const created = await w.widget('POST', '/conversations', {
    customer: { name: 'Ada', email: 'ada@example.com' },
    body,
  });
  assert.equal(created.statusCode, 201, created.body);
  secrets.push(created.json.historySecret);
  return created.json as {
    conversation: { id: string; messages: Array<{ role: string; body: string }> };
    historySecret: string;
  };
}

test('a CORS preflight succeeds from an allowed origin and gets 403 without CORS headers from any other', async () => {
  const ok = await t.request({
    method: 'OPTIONS',
    url: '/api/v1/widget/conversations',
    headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
  });
  assert.equal(ok.statusCode, 204);
  assert.equal(ok.headers['access-control-allow-origin'], ORIGIN);
  assert.match(String(ok.headers['access-control-allow-headers']), /x-woes-conversation-secret/);
  for (const origin of ['https://evil.example.com', 'https://shop.example.com.evil.com', 'null']) {
    const refused = await t.request({
      method: 'OPTIONS',
      url: '/api/v1/widget/conversations',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    assert.equal(refused.statusCode, 403, origin);
    assert.equal(refused.headers['access-control-allow-origin'], undefined);
  }
});

test('a widget request from another origin, or with none, is 403 with no CORS headers, and is audited', async () => {
  const other = await w.widget('POST', '/conversations', { body: 'hi' }, { origin: 'https://evil.example.com' });
  assert.equal(other.statusCode, 403);
  assert.equal(other.json.code, 'forbidden');
  assert.equal(other.headers['access-control-allow-origin'], undefined);
  const none = await w.widget('GET', '/config', undefined, { origin: undefined });
  assert.equal(none.statusCode, 403);
  const audit = await w.call('GET', '/audit-events?type=widget_key.origin_refused');
  assert.equal(audit.statusCode, 200);
  assert.ok(
    audit.json.data.some((e: any) => e.data.origin === 'https://evil.example.com' && e.target.id === w.widgetKeyId),
  );
  const conversations = await w.call('GET', '/conversations');
  assert.equal(conversations.json.data.length, 0, 'no conversation was created');
});

test('an allowed origin gets CORS headers; a server key, session-style or portal-style token on a widget endpoint is 401', async () => {
  const ok = await w.widget('GET', '/config');
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.headers['access-control-allow-origin'], ORIGIN);
  assert.equal(ok.json.workspaceId, w.workspaceId);
  for (const authorization of [
    w.auth.authorization,
    'Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1In0.c2ln',
    'Bearer woespt_' + 'a'.repeat(32),
  ]) {
    const refused = await w.widget('GET', '/config', undefined, { authorization });
    assert.equal(refused.statusCode, 401, authorization);
    const keyless = await w.widget('GET', '/config', undefined, { authorization, 'x-woes-widget-key': undefined });
    assert.equal(keyless.statusCode, 401);
  }
  assert.equal(
    (await w.widget('GET', '/config', undefined, { 'x-woes-widget-key': 'woespk_' + 'x'.repeat(24) })).statusCode,
    401,
  );
});

test('a visitor starts a conversation, reads it with its history secret, and never sees notes', async () => {
  const { conversation, historySecret } = await start();
  assert.ok(isWellFormedHistorySecret(historySecret), historySecret);
  assert.equal(conversation.messages[0].body, 'Hello, my order is late');
  assert.equal(
    (await w.call('POST', `/conversations/${conversation.id}/messages`, { role: 'agent', body: 'On it!' })).statusCode,
    201,
  );
  assert.equal(
    (await w.call('POST', `/conversations/${conversation.id}/messages`, { role: 'note', body: 'internal: VIP' }))
      .statusCode,
    201,
  );
  const read = await w.widget('GET', `/conversations/${conversation.id}`, undefined, {
    'x-woes-conversation-secret': historySecret,
  });
  assert.equal(read.statusCode, 200, read.body);
  assert.deepEqual(
    read.json.messages.map((m: any) => [m.role, m.body]),
    [
      ['user', 'Hello, my order is late'],
      ['agent', 'On it!'],
    ],
  );
  assert.ok(!read.body.includes('internal'));
  const more = await w.widget(
    'POST',
    `/conversations/${conversation.id}/messages`,
    { body: 'Thanks' },
    { 'x-woes-conversation-secret': historySecret },
  );
  assert.equal(more.statusCode, 201);
  // The agent sees the visitor's message as the customer's.
  const rest = await w.call('GET', `/conversations/${conversation.id}/messages`);
  assert.equal(rest.json.data[0].author.type, 'customer');
  assert.equal((await w.widget('GET', `/conversations/${conversation.id}`)).statusCode, 401, 'no secret, no thread');
});

test("conversation A's history secret is refused for conversation B", async () => {
  const a = await start('A');
  const b = await start('B');
  const crossed = await w.widget('GET', `/conversations/${b.conversation.id}`, undefined, {
    'x-woes-conversation-secret': a.historySecret,
  });
  assert.equal(crossed.statusCode, 401);
  const write = await w.widget(
    'POST',
    `/conversations/${b.conversation.id}/messages`,
    { body: 'x' },
    { 'x-woes-conversation-secret': a.historySecret },
  );
  assert.equal(write.statusCode, 401);
  // A bad checksum is refused too (before any lookup).
  const forged = a.historySecret.slice(0, -1) + (a.historySecret.endsWith('A') ? 'B' : 'A');
  assert.equal(
    (await w.widget('GET', `/conversations/${a.conversation.id}`, undefined, { 'x-woes-conversation-secret': forged }))
      .statusCode,
    401,
  );
});

test('rotating a history secret kills the old one at once and is audited', async () => {
  const { conversation, historySecret } = await start();
  const rotated = await w.widget('POST', `/conversations/${conversation.id}/secret/rotate`, undefined, {
    'x-woes-conversation-secret': historySecret,
  });
  assert.equal(rotated.statusCode, 200, rotated.body);
  const fresh: string = rotated.json.historySecret;
  secrets.push(fresh);
  assert.notEqual(fresh, historySecret);
  assert.equal(
    (
      await w.widget('GET', `/conversations/${conversation.id}`, undefined, {
        'x-woes-conversation-secret': historySecret,
      })
    ).statusCode,
    401,
  );
  assert.equal(
    (await w.widget('GET', `/conversations/${conversation.id}`, undefined, { 'x-woes-conversation-secret': fresh }))
      .statusCode,
    200,
  );
  const audit = await w.call('GET', '/audit-events?type=widget.history_secret_rotated');
  assert.equal(audit.json.data[0].target.id, conversation.id);
  assert.ok(!audit.body.includes(fresh) && !audit.body.includes(historySecret));
});

test('secrets are refused in URLs', async () => {
  const { conversation, historySecret } = await start();
  const inQuery = await w.widget('GET', `/conversations/${conversation.id}?secret=${historySecret}`, undefined, {
    'x-woes-conversation-secret': historySecret,
  });
  assert.equal(inQuery.statusCode, 401);
  const key = await w.widget('GET', `/config?k=${w.widgetKey}`);
  assert.equal(key.statusCode, 401);
  // Any other secret Woes issues, plainly or %-encoded, as the API refuses it.
  for (const query of [`x=whsec_${'c'.repeat(32)}`, `x=%77oesk_${'d'.repeat(40)}`, `x=woesps_${'e'.repeat(40)}`]) {
    const refused = await w.widget('GET', `/config?${query}`);
    assert.equal(refused.statusCode, 401, query);
    assert.match(refused.json.error, /never in the URL/);
  }
});

test('a revoked widget key stops working on the next request', async () => {
  const other = await widgetTenant(t);
  assert.equal((await other.widget('GET', '/config')).statusCode, 200);
  assert.equal((await other.call('DELETE', `/widget-keys/${other.widgetKeyId}`)).statusCode, 204);
  assert.equal((await other.widget('GET', '/config')).statusCode, 401);
  const preflight = await t.request({ method: 'OPTIONS', url: '/api/v1/widget/config', headers: { origin: ORIGIN } });
  assert.equal(preflight.statusCode, 204, 'the first tenant still allows the origin');
});

test('anonymous knowledge-base search sees published articles only', async () => {
  await w.call('POST', '/kb/articles', { title: 'Refund policy', body: 'Refunds within 30 days', published: true });
  await w.call('POST', '/kb/articles', { title: 'Refund internals', body: 'Refunds draft', published: false });
  const found = await w.widget('GET', '/kb/search?q=refund');
  assert.equal(found.statusCode, 200, found.body);
  assert.deepEqual(
    found.json.data.map((h: any) => h.title),
    ['Refund policy'],
  );
});

test('widget search snippets are escaped HTML with <mark> around matches only', async () => {
  await w.call('POST', '/kb/articles', {
    title: 'Marsupials',
    body: `<img src=x onerror=alert(1)> quokka & "q" 'x' \u0001forged\u0002`,
    published: true,
  });
  const found = await w.widget('GET', '/kb/search?q=quokka');
  assert.equal(found.statusCode, 200, found.body);
  const [hit] = found.json.data;
  assert.match(hit.snippet, /alert\(1\)&gt; <mark>quokka<\/mark>/);
  assert.equal(hit.snippet.match(/<mark>/g)?.length, 1, hit.snippet);
  assert.ok(!/[<>"']/.test(hit.snippet.replace(/<\/?mark>/g, '')), hit.snippet);
  assert.ok(!hit.snippet.includes('\u0001') && !hit.snippet.includes('\u0002'), hit.snippet);
});

test('no history secret, widget key or identity secret reaches the logs', async () => {
  assert.ok(secrets.length >= 5);
  for (const secret of secrets) assert.ok(!t.logs.text.includes(secret), 'a history secret was logged');
  assert.ok(!t.logs.text.includes(w.widgetKey.slice(7)), 'the widget key was logged');
});

test("a same-origin page (no Origin header, Sec-Fetch-Site: same-origin) counts as the server's own origin", async () => {
  const self = await w.call('POST', '/widget-keys', { name: 'Self', allowedOrigins: ['http://localhost:8080'] });
  assert.equal(self.statusCode, 201, self.body);
  const headers = { origin: undefined, host: 'localhost:8080', 'x-woes-widget-key': self.json.key };
  assert.equal(
    (await w.widget('GET', '/config', undefined, { ...headers, 'sec-fetch-site': 'same-origin' })).statusCode,
    200,
  );
  assert.equal(
    (await w.widget('GET', '/config', undefined, { ...headers, 'sec-fetch-site': 'cross-site' })).statusCode,
    403,
  );
  assert.equal(
    (
      await w.widget('GET', '/config', undefined, {
        ...headers,
        host: 'evil.example:8080',
        'sec-fetch-site': 'same-origin',
      })
    ).statusCode,
    403,
  );
});

test('history secrets and identity secrets have a prefix, 190 bits of CSPRNG and a checksum', async () => {
  const { generateHistorySecret, generateIdentitySecret } = await import('../../src/keys/key-format.js');
  const a = generateHistorySecret();
  assert.match(a, /^woescs_[0-9A-Za-z]{38}$/);
  assert.notEqual(a, generateHistorySecret());
  assert.ok(isWellFormedHistorySecret(a));
  assert.ok(
    !isWellFormedHistorySecret(a.slice(0, 20) + (a[20] === 'a' ? 'b' : 'a') + a.slice(21)),
    'one changed character breaks the checksum',
  );
  assert.ok(!isWellFormedHistorySecret(generateIdentitySecret()), 'another prefix');
});

test('refused origins are audited at most 10 times per key per hour, whatever the origins: a key holder cannot flood the audit log', async () => {
  const before = await w.call('GET', '/audit-events?type=widget_key.origin_refused&limit=100');
  const already = before.json.data.filter((e: any) => e.target.id === w.widgetKeyId).length;
  for (let i = 0; i < 30; i++) {
    const refused = await w.widget('GET', '/config', undefined, { origin: `https://spam${i}.evil.example` });
    assert.equal(refused.statusCode, 403);
  }
  const after = await w.call('GET', '/audit-events?type=widget_key.origin_refused&limit=100');
  const ofKey = after.json.data.filter((e: any) => e.target.id === w.widgetKeyId);
  assert.equal(ofKey.length, 10, `10 events for the key in the hour (${already} before)`);
});
