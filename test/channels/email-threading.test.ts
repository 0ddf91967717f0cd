import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { channelTenant, rowCounts, sendInbound, type ChannelTenant } from './helpers.js';

let t: TestApp;
let a: ChannelTenant;
let mailbox: { id: string; secret: string };

before(async () => {
  t = await createTestApp();
  a = await channelTenant(t);
  mailbox = await a.createChannel('email', 'support@');
});
after(() => t.close());

const mail = (messageId: string, extra: Record<string, unknown> = {}) => ({
  from: { email: 'ada@example.com', name: 'Ada' },
  subject: 'Order 1042 is late',
  text: `Mail ${messageId}`,
  messageId,
  ...extra,
});

async function messagesOf(conversationId: string): Promise<string[]> {
  const page = await a.api('GET', `/conversations/${conversationId}/messages`);
  return page.json.data.map((m: { body: string }) => m.body).reverse();
}

test('an email thread: a new mail starts a conversation, In-Reply-To and References join it, an unrelated mail starts another', async () => {
  const first = await sendInbound(t, mailbox, mail('<root@mail.example.com>'));
  assert.equal(first.statusCode, 201, first.body);
  const thread = first.json.conversationId;
  const conversation = await a.api('GET', `/conversations/${thread}`);
  assert.equal(conversation.json.subject, 'Order 1042 is late');
  assert.equal(conversation.json.customer.email, 'ada@example.com');
  assert.equal(conversation.json.customer.name, 'Ada');

  // A reply naming the first mail in In-Reply-To (brackets or not, the id is the same).
  const reply = await sendInbound(
    t,
    mailbox,
    mail('<reply-1@mail.example.com>', { subject: 'Re: Order 1042 is late', inReplyTo: 'root@mail.example.com' }),
  );
  assert.equal(reply.statusCode, 200, reply.body);
  assert.equal(reply.json.conversationId, thread);

  // A reply whose parent is unknown (say, an agent's outgoing mail) but whose References list the thread.
  const viaReferences = await sendInbound(
    t,
    mailbox,
    mail('<reply-2@mail.example.com>', {
      inReplyTo: '<agent-answer@woes.example.com>',
      references: ['<root@mail.example.com>', '<agent-answer@woes.example.com>'],
    }),
  );
  assert.equal(viaReferences.statusCode, 200, viaReferences.body);
  assert.equal(viaReferences.json.conversationId, thread);

  const unrelated = await sendInbound(
    t,
    mailbox,
    mail('<other@mail.example.com>', { subject: 'A new question', inReplyTo: '<never-seen@example.com>' }),
  );
  assert.equal(unrelated.statusCode, 201, unrelated.body);
  assert.notEqual(unrelated.json.conversationId, thread);
  assert.equal((await a.api('GET', `/conversations/${unrelated.json.conversationId}`)).json.subject, 'A new question');

  assert.deepEqual(await messagesOf(thread), [
    'Mail <root@mail.example.com>',
    'Mail <reply-1@mail.example.com>',
    'Mail <reply-2@mail.example.com>',
  ]);
  // One sender, one customer, across both conversations.
  const other = await a.api('GET', `/conversations/${unrelated.json.conversationId}`);
  assert.equal(other.json.customer.id, conversation.json.customer.id);
});

test('threads never cross workspaces: the same Message-ID in another workspace starts its own conversation', async () => {
  const b = await channelTenant(t, 'Workspace B');
  const theirs = await b.createChannel('email');
  await sendInbound(t, mailbox, mail('<shared-root@example.com>'));
  const reply = await sendInbound(t, theirs, mail('<b-reply@example.com>', { inReplyTo: '<shared-root@example.com>' }));
  assert.equal(reply.statusCode, 201, reply.body);
  assert.equal((await b.api('GET', `/conversations/${reply.json.conversationId}`)).statusCode, 200);
  assert.equal((await a.api('GET', `/conversations/${reply.json.conversationId}`)).statusCode, 404);
});

test('the same email sent again under a new webhook-id is one message (duplicate: true)', async () => {
  const first = await sendInbound(t, mailbox, mail('<resent@example.com>'));
  const before = await rowCounts(t);
  const again = await sendInbound(t, mailbox, mail('<resent@example.com>'));
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual(again.json, { ...first.json, duplicate: true });
  const after = await rowCounts(t);
  assert.equal(after.messages, before.messages);
  assert.equal(after.inboundEmailThreads, before.inboundEmailThreads);
});

test('the same email racing in under several webhook-ids is one message, and no request fails', async () => {
  const before = await rowCounts(t);
  const answers = await Promise.all(
    Array.from({ length: 6 }, () => sendInbound(t, mailbox, mail('<racing@example.com>'))),
  );
  for (const answer of answers) assert.ok([200, 201].includes(answer.statusCode), answer.body);
  assert.equal(answers.filter((a) => a.json.duplicate === false).length, 1);
  assert.equal(new Set(answers.map((a) => a.json.messageId)).size, 1);
  const after = await rowCounts(t);
  assert.equal(after.messages, before.messages + 1);
  assert.equal(after.inboundReceipts, before.inboundReceipts + 6, 'each webhook-id answers the same next time');
});

test('a new sender’s first mails arriving together create one customer, not one each', async () => {
  const before = await rowCounts(t);
  const sender = { email: `New.Sender.${Date.now()}@Example.com`, name: 'New sender' };
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      sendInbound(
        t,
        mailbox,
        mail(`<first-${i}-${Date.now()}@example.com>`, {
          from: i % 2 ? sender : { ...sender, email: sender.email.toLowerCase() },
        }),
      ),
    ),
  );
  for (const answer of answers) assert.equal(answer.statusCode, 201, answer.body);
  const after = await rowCounts(t);
  assert.equal(after.customers, before.customers + 1, 'one customer for one sender');
  assert.equal(after.conversations, before.conversations + 6, 'six unrelated mails are six conversations');
  const customers = await a.api('GET', `/customers?email=${encodeURIComponent(sender.email.toLowerCase())}`);
  assert.equal(customers.json.data.length, 1);
  const conversation = await a.api('GET', `/conversations/${answers[0].json.conversationId}`);
  assert.equal(conversation.json.customer.id, customers.json.data[0].id);
});

test('an email channel refuses an api payload (400) and writes nothing', async () => {
  const before = await rowCounts(t);
  const wrong = await sendInbound(t, mailbox, { customer: { email: 'a@example.com' }, body: 'Hi' });
  assert.equal(wrong.statusCode, 400, wrong.body);
  assert.equal(wrong.json.code, 'invalid_request');
  assert.deepEqual(await rowCounts(t), before);
});
