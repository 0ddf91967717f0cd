import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { Webhook } from 'standardwebhooks';
import { channelTenant, freshIp, rowCounts, sendInbound, type ChannelTenant } from './helpers.js';

let t: TestApp;
let a: ChannelTenant;
let b: ChannelTenant;
let channel: { id: string; secret: string };

before(async () => {
  t = await createTestApp({ deps: { rateRules: { inboundPerChannel: { points: 50, durationMs: 60_000 } } } });
  a = await channelTenant(t, 'Workspace A');
  b = await channelTenant(t, 'Workspace B');
  channel = await a.createChannel('api');
});
after(() => t.close());

const MESSAGE = {
  customer: { externalId: 'cus_42', email: 'Ada@Example.com', name: 'Ada' },
  body: 'Where is my order?',
};

test('a signed api payload starts a conversation for the customer, authored by them', async () => {
  const sent = await sendInbound(t, channel, { ...MESSAGE, subject: 'Order 1042' });
  assert.equal(sent.statusCode, 201, sent.body);
  assert.equal(sent.json.duplicate, false);
  assert.match(sent.json.conversationId, /^conv_/);
  assert.match(sent.json.messageId, /^msg_/);

  const conversation = await a.api('GET', `/conversations/${sent.json.conversationId}`);
  assert.equal(conversation.statusCode, 200);
  assert.equal(conversation.json.subject, 'Order 1042');
  assert.equal(conversation.json.customer.externalId, 'cus_42');
  assert.equal(conversation.json.customer.email, 'ada@example.com');
  assert.equal(conversation.json.messageCount, 1);
  const messages = await a.api('GET', `/conversations/${sent.json.conversationId}/messages`);
  assert.deepEqual(
    messages.json.data.map((m: { role: string; body: string }) => [m.role, m.body]),
    [['user', 'Where is my order?']],
  );

  // The same customer writing again (by externalId) gets a new conversation of the same customer.
  const again = await sendInbound(t, channel, { customer: { externalId: 'cus_42' }, body: 'Second topic' });
  assert.equal(again.statusCode, 201, again.body);
  const second = await a.api('GET', `/conversations/${again.json.conversationId}`);
  assert.equal(second.json.customer.id, conversation.json.customer.id);
});

test('conversationId continues a conversation of the workspace (reopening it); another workspace’s is 404', async () => {
  const started = await sendInbound(t, channel, MESSAGE);
  const id = started.json.conversationId;
  assert.equal((await a.api('PATCH', `/conversations/${id}`, { status: 'closed' })).statusCode, 200);
  const reply = await sendInbound(t, channel, { customer: {}, conversationId: id, body: 'Still waiting' });
  assert.equal(reply.statusCode, 200, reply.body);
  assert.equal(reply.json.conversationId, id);
  const conversation = await a.api('GET', `/conversations/${id}`);
  assert.equal(conversation.json.status, 'open');
  assert.equal(conversation.json.messageCount, 2);

  const foreign = await b.api('POST', '/conversations', { subject: 'B only' });
  const before = await rowCounts(t);
  const refused = await sendInbound(t, channel, { ...MESSAGE, conversationId: foreign.json.id });
  assert.equal(refused.statusCode, 404, refused.body);
  assert.equal(refused.json.code, 'not_found');
  assert.deepEqual(await rowCounts(t), before);
  const unknown = await sendInbound(t, channel, { ...MESSAGE, conversationId: 'conv_nope' });
  assert.equal(unknown.statusCode, 404);
  assert.deepEqual(await rowCounts(t), before, 'a refused delivery leaves no receipt: it may be sent again');
});

test('a customer known only by email is found by it (case-insensitively) and not duplicated', async () => {
  const first = await sendInbound(t, channel, { customer: { email: 'grace@example.com', name: 'Grace' }, body: 'Hi' });
  const second = await sendInbound(t, channel, { customer: { email: 'GRACE@example.com' }, body: 'Hi again' });
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(second.statusCode, 201, second.body);
  const one = await a.api('GET', `/conversations/${first.json.conversationId}`);
  const two = await a.api('GET', `/conversations/${second.json.conversationId}`);
  assert.equal(one.json.customer.email, 'grace@example.com');
  assert.equal(one.json.customer.id, two.json.customer.id);
  const noCustomer = await sendInbound(t, channel, { customer: {}, body: 'Who am I?' });
  assert.equal(noCustomer.statusCode, 400);
  assert.equal(noCustomer.json.code, 'invalid_request');
});

test('tampered body, wrong secret, stale or future timestamp, missing headers, unknown channel: 401, nothing written', async () => {
  const other = await a.createChannel('api', 'other');
  const now = Date.now();
  const cases: Array<[string, Parameters<typeof sendInbound>]> = [
    ['tampered body', [t, channel, MESSAGE, { sentBody: JSON.stringify({ ...MESSAGE, body: 'Refund me' }) }]],
    ['wrong secret', [t, channel, MESSAGE, { secret: other.secret }]],
    ['another channel’s id', [t, { id: other.id, secret: channel.secret }, MESSAGE]],
    ['six minutes old', [t, channel, MESSAGE, { timestamp: new Date(now - 6 * 60_000) }]],
    ['six minutes ahead', [t, channel, MESSAGE, { timestamp: new Date(now + 6 * 60_000) }]],
    ['no webhook-id', [t, channel, MESSAGE, { omit: ['webhook-id'] }]],
    ['no webhook-timestamp', [t, channel, MESSAGE, { omit: ['webhook-timestamp'] }]],
    ['no webhook-signature', [t, channel, MESSAGE, { omit: ['webhook-signature'] }]],
    ['unknown channel', [t, { id: 'ch_01jd8x3k2m4n5p6q7r8s9t0v1w', secret: channel.secret }, MESSAGE]],
    ['malformed channel id', [t, { id: 'nope', secret: channel.secret }, MESSAGE]],
    ['not JSON', [t, channel, MESSAGE, { sentBody: 'not json' }]],
  ];
  const before = await rowCounts(t);
  const messages = new Set<string>();
  for (const [name, args] of cases) {
    args[3] = { ...args[3], ip: freshIp() };
    const response = await sendInbound(...args);
    assert.equal(response.statusCode, 401, `${name}: ${response.body}`);
    assert.equal(response.json.code, 'unauthorized', name);
    messages.add(response.json.error);
  }
  assert.equal(messages.size, 1, 'one sentence for every refusal');
  assert.deepEqual(await rowCounts(t), before);
  // Within the window, both ways: 4 minutes off is accepted.
  for (const offset of [-4 * 60_000, 4 * 60_000]) {
    const ok = await sendInbound(t, channel, MESSAGE, { timestamp: new Date(Date.now() + offset) });
    assert.equal(ok.statusCode, 201, ok.body);
  }
});

test('an unsigned caller learns nothing about the schema: a bad body with a bad signature is 401, with a good one 400', async () => {
  const junk = { nothing: 'here' };
  const unsigned = await sendInbound(t, channel, junk, { secret: 'whsec_' + Buffer.alloc(32, 1).toString('base64') });
  assert.equal(unsigned.statusCode, 401);
  const signed = await sendInbound(t, channel, junk);
  assert.equal(signed.statusCode, 400, signed.body);
  assert.equal(signed.json.code, 'invalid_request');
  const email = await sendInbound(t, channel, {
    from: { email: 'a@example.com' },
    text: 'Hi',
    messageId: '<1@example.com>',
  });
  assert.equal(email.statusCode, 400, 'an api channel refuses an email payload');
  // Bytes that are signed but are not JSON: a 400, never a 500.
  const notJSON = await sendRaw(channel, 'not json {');
  assert.equal(notJSON.statusCode, 400, notJSON.body);
  assert.equal(notJSON.json.code, 'invalid_request');
  const poisoned = await sendRaw(channel, '{"customer":{"externalId":"x"},"body":"hi","__proto__":{"admin":true}}');
  assert.equal(poisoned.statusCode, 400, poisoned.body);
});

test('a replay is processed once: the same result, duplicate: true, one message', async () => {
  const before = await rowCounts(t);
  const first = await sendInbound(t, channel, MESSAGE, { webhookId: 'msg_replay_1' });
  assert.equal(first.statusCode, 201, first.body);
  const replay = await sendInbound(t, channel, MESSAGE, { webhookId: 'msg_replay_1' });
  assert.equal(replay.statusCode, 200, replay.body);
  assert.deepEqual(replay.json, { ...first.json, duplicate: true });
  const after = await rowCounts(t);
  assert.equal(after.messages, before.messages + 1);
  assert.equal(after.inboundReceipts, before.inboundReceipts + 1);
  // The same webhook-id on another channel is another message.
  const other = await a.createChannel('api', 'other sender');
  const elsewhere = await sendInbound(t, other, MESSAGE, { webhookId: 'msg_replay_1' });
  assert.equal(elsewhere.statusCode, 201);
  assert.equal(elsewhere.json.duplicate, false);
});

test('concurrent replays of one webhook-id create one message', async () => {
  const before = await rowCounts(t);
  const answers = await Promise.all(
    Array.from({ length: 8 }, () =>
      sendInbound(t, channel, { ...MESSAGE, body: 'Racing' }, { webhookId: 'msg_race', timestamp: new Date() }),
    ),
  );
  for (const answer of answers) assert.ok([200, 201].includes(answer.statusCode), answer.body);
  assert.equal(answers.filter((r) => r.json.duplicate === false).length, 1, 'exactly one first delivery');
  assert.equal(new Set(answers.map((r) => r.json.messageId)).size, 1);
  const after = await rowCounts(t);
  assert.equal(after.messages, before.messages + 1);
  assert.equal(after.conversations, before.conversations + 1);
});

test('a deleted channel’s endpoint is 401 and writes nothing', async () => {
  const doomed = await a.createChannel('api', 'doomed');
  assert.equal((await sendInbound(t, doomed, MESSAGE)).statusCode, 201);
  assert.equal((await a.api('DELETE', `/channels/${doomed.id}`)).statusCode, 204);
  const before = await rowCounts(t);
  const refused = await sendInbound(t, doomed, MESSAGE, { ip: freshIp() });
  assert.equal(refused.statusCode, 401);
  assert.deepEqual(await rowCounts(t), before);
});

test('bodies over 256 KiB are 413; a flood of bad signatures from one address is turned away with 429', async () => {
  const big = await sendInbound(t, channel, { ...MESSAGE, body: 'x'.repeat(300 * 1024) });
  assert.equal(big.statusCode, 413);
  assert.equal(big.json.code, 'payload_too_large');
  assert.equal(big.json.error, 'The request body is larger than 256 KiB.');
  const ip = freshIp();
  const statuses: number[] = [];
  for (let i = 0; i < 22; i++) {
    statuses.push((await sendInbound(t, channel, MESSAGE, { secret: 'whsec_' + 'A'.repeat(44), ip })).statusCode);
  }
  assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
  assert.equal(statuses[21], 429);
});

test('verified requests are limited per channel (inboundPerChannel)', async () => {
  const busy = await a.createChannel('api', 'busy');
  const statuses: number[] = [];
  for (let i = 0; i < 51; i++) {
    statuses.push((await sendInbound(t, busy, { customer: { externalId: 'flood' }, body: `n${i}` })).statusCode);
  }
  assert.deepEqual(statuses.slice(0, 50), Array(50).fill(201));
  const limited = await sendInbound(t, busy, MESSAGE);
  assert.equal(limited.statusCode, 429);
  assert.ok(limited.headers['retry-after']);
  // Another channel of the same workspace is not affected.
  assert.equal((await sendInbound(t, channel, MESSAGE)).statusCode, 201);
});

/** Signs and sends bytes as they are (sendInbound always sends JSON). */
function sendRaw(target: { id: string; secret: string }, body: string) {
  const id = `msg_raw_${Math.random()}`;
  const now = new Date();
  return t.request({
    method: 'POST',
    url: `/api/v1/webhooks/inbound/${target.id}`,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(target.secret).sign(id, now, body),
    },
    payload: body,
  });
}

test('a signed body holding the NUL character is 400 invalid_request and stores nothing; unsigned it is 401', async () => {
  const before = await rowCounts(t);
  const nul = await sendInbound(t, channel, { customer: { externalId: 'cus_nul' }, body: 'a\u0000b' });
  assert.equal(nul.statusCode, 400, nul.body);
  assert.equal(nul.json.code, 'invalid_request');
  assert.deepEqual(nul.json.details, [
    { path: '/body/body', message: 'contains the NUL character, which cannot be stored' },
  ]);
  const inKey = await sendInbound(t, channel, { ...MESSAGE, customer: { ...MESSAGE.customer, 'k\u0000': 'v' } });
  assert.equal(inKey.statusCode, 400, inKey.body);
  assert.deepEqual(inKey.json.details, [
    { path: '/body/customer', message: 'has a field name that contains the NUL character, which cannot be stored' },
  ]);
  assert.deepEqual(await rowCounts(t), before);

  const unsigned = await sendInbound(
    t,
    channel,
    { customer: { externalId: 'cus_nul' }, body: 'a\u0000b' },
    { secret: 'whsec_' + Buffer.from('not the channel secret, 32 bytes').toString('base64'), ip: freshIp() },
  );
  assert.equal(unsigned.statusCode, 401, 'the signature is checked first');

  // An escaped backslash followed by `u0000` is six ordinary characters, and accepted.
  const escaped = await sendInbound(t, channel, { customer: { externalId: 'cus_nul' }, body: 'a\\u0000b' });
  assert.equal(escaped.statusCode, 201, escaped.body);
});
