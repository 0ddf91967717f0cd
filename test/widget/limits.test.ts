import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { widgetTenant, type WidgetTenant } from './helpers.js';

/** SPEC §5's widget rows, at their default numbers: 10 new conversations / hour, 30 reads / minute, 5 searches / minute, per IP. */
let t: TestApp;
let w: WidgetTenant;

before(async () => {
  t = await createTestApp();
  w = await widgetTenant(t);
});
after(() => t.close());

test('10 new widget conversations per hour per IP, then 429 with Retry-After; another IP is unaffected', async () => {
  for (let i = 0; i < 10; i++)
    assert.equal((await w.widget('POST', '/conversations', { body: `n${i}` }, {}, '192.0.2.10')).statusCode, 201);
  const refused = await w.widget('POST', '/conversations', { body: 'eleventh' }, {}, '192.0.2.10');
  assert.equal(refused.statusCode, 429);
  assert.equal(refused.json.code, 'rate_limited');
  assert.ok(Number(refused.headers['retry-after']) > 0);
  assert.equal((await w.widget('POST', '/conversations', { body: 'other ip' }, {}, '192.0.2.11')).statusCode, 201);
});

test('30 reads of a conversation per minute per IP (a widget polling every 5 s in two tabs), then 429 with Retry-After', async () => {
  const created = await w.widget('POST', '/conversations', { body: 'read me' }, {}, '192.0.2.20');
  const secret = { 'x-woes-conversation-secret': created.json.historySecret };
  const url = `/conversations/${created.json.conversation.id}`;
  for (let i = 0; i < 30; i++)
    assert.equal((await w.widget('GET', url, undefined, secret, '192.0.2.21')).statusCode, 200);
  const refused = await w.widget('GET', url, undefined, secret, '192.0.2.21');
  assert.equal(refused.statusCode, 429);
  assert.ok(Number(refused.headers['retry-after']) > 0);
  assert.equal((await w.widget('GET', url, undefined, secret, '192.0.2.22')).statusCode, 200);
});

test('20 visitor messages per minute in a conversation per IP, then 429 with Retry-After; the thread is not read past it', async () => {
  const created = await w.widget('POST', '/conversations', { body: 'hello' }, {}, '192.0.2.40');
  assert.equal(created.statusCode, 201, created.body);
  const secret = { 'x-woes-conversation-secret': created.json.historySecret };
  const url = `/conversations/${created.json.conversation.id}/messages`;
  for (let i = 0; i < 20; i++)
    assert.equal((await w.widget('POST', url, { body: `m${i}` }, secret, '192.0.2.41')).statusCode, 201, `post ${i}`);
  const refused = await w.widget('POST', url, { body: 'twenty-first' }, secret, '192.0.2.41');
  assert.equal(refused.statusCode, 429);
  assert.equal(refused.json.code, 'rate_limited');
  assert.ok(refused.json.requestId);
  assert.ok(Number(refused.headers['retry-after']) > 0);
  assert.ok(!refused.body.includes('m19'), 'a refused post carries no thread');
  // The refused message was not written; another conversation of the same IP has its own count.
  const other = await w.widget('POST', '/conversations', { body: 'second' }, {}, '192.0.2.40');
  const otherUrl = `/conversations/${other.json.conversation.id}/messages`;
  const otherSecret = { 'x-woes-conversation-secret': other.json.historySecret };
  assert.equal((await w.widget('POST', otherUrl, { body: 'fine' }, otherSecret, '192.0.2.41')).statusCode, 201);
  const thread = await w.widget(
    'GET',
    `/conversations/${created.json.conversation.id}`,
    undefined,
    secret,
    '192.0.2.42',
  );
  assert.equal(thread.statusCode, 200);
  assert.ok(!thread.body.includes('twenty-first'));
});

test('anonymous knowledge-base search through a widget key: 5 per minute per IP', async () => {
  for (let i = 0; i < 5; i++)
    assert.equal((await w.widget('GET', '/kb/search?q=refund', undefined, {}, '192.0.2.30')).statusCode, 200);
  const refused = await w.widget('GET', '/kb/search?q=refund', undefined, {}, '192.0.2.30');
  assert.equal(refused.statusCode, 429);
  assert.ok(Number(refused.headers['retry-after']) > 0);
});
