import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/app.js';
import type { Storage } from '../../src/storage/database.js';
import { newId } from '../../src/storage/ids.js';
import { articlesRepository } from '../../src/support/kb/articles-repository.js';
import { articleSearchFor, searchTerms, type ArticleSearch } from '../../src/support/kb/article-search.js';

// The one search interface on this run's database: FTS5 on SQLite, tsvector on PostgreSQL.
let database: TestDatabase;
let storage: Storage;
let engine: ArticleSearch;
let ws: string;
let other: string;
const ids: Record<string, string> = {};

async function workspace(): Promise<string> {
  const id = newId('ws');
  await storage.db
    .insertInto('workspaces')
    .values({ id, name: 'W', plan: 'pro', rateLimitPerHour: null, createdAt: 1, updatedAt: 1 })
    .execute();
  return id;
}

async function article(
  workspaceId: string,
  name: string,
  fields: { title: string; body: string; tags?: string[]; published?: boolean },
) {
  const id = newId('art');
  ids[name] = id;
  await articlesRepository.insert(storage.db, {
    id,
    workspaceId,
    title: fields.title,
    body: fields.body,
    tags: JSON.stringify(fields.tags ?? []),
    published: fields.published === false ? 0 : 1,
    createdAt: 1,
    updatedAt: 2,
  });
}

const search = (workspaceId: string, q: string, limit = 10) =>
  engine.search(storage.db, workspaceId, searchTerms(q), limit);

before(async () => {
  database = await createTestDatabase();
  storage = database.connect();
  await storage.migrate();
  engine = articleSearchFor(storage.dialect);
  ws = await workspace();
  other = await workspace();
  await article(ws, 'titleHit', {
    title: 'Rotating API keys',
    body: 'Roll a key from Settings and update your secret manager before the old one expires.',
  });
  await article(ws, 'bodyHit', {
    title: 'Errors',
    body:
      'Most errors are simple. A 401 usually means the key was revoked; rotating keys regularly avoids surprises. ' +
      'Filler text. '.repeat(40),
  });
  await article(ws, 'draft', { title: 'Rotating keys (draft)', body: 'Not ready.', published: false });
  await article(ws, 'tagged', { title: 'Webhooks', body: 'Signed deliveries.', tags: ['billing'] });
  await article(other, 'foreign', { title: 'Rotating keys elsewhere', body: 'Another tenant.' });
});
after(async () => {
  await storage.destroy();
  await database.drop();
});

test('ranks a title match above a body match, with a highlighted snippet', async () => {
  const hits = await search(ws, 'rotating keys');
  assert.deepEqual(
    hits.map((h) => h.id),
    [ids.titleHit, ids.bodyHit],
  );
  assert.ok(hits[0].score > hits[1].score, `scores ${hits[0].score} > ${hits[1].score}`);
  assert.match(hits[1].snippet, /<mark>rotating<\/mark>/i);
  assert.ok(hits[1].snippet.length < 400, 'a snippet, not the whole body');
  assert.equal(hits[0].title, 'Rotating API keys');
  assert.equal(Number(hits[0].updatedAt), 2);
});

test('stems and matches the last word as a prefix', async () => {
  assert.deepEqual((await search(ws, 'rotate')).map((h) => h.id).sort(), [ids.titleHit, ids.bodyHit].sort());
  assert.deepEqual(
    (await search(ws, 'secret manag')).map((h) => h.id),
    [ids.titleHit],
  );
});

test('searches tags; leaves out drafts and other workspaces', async () => {
  assert.deepEqual(
    (await search(ws, 'billing')).map((h) => h.id),
    [ids.tagged],
  );
  const all = (await search(ws, 'keys')).map((h) => h.id);
  assert.ok(!all.includes(ids.draft));
  assert.ok(!all.includes(ids.foreign));
  assert.deepEqual(
    (await search(other, 'rotating')).map((h) => h.id),
    [ids.foreign],
  );
});

test('operators and punctuation in the query are words, never syntax', async () => {
  for (const q of [
    '"unbalanced',
    'keys AND OR NOT',
    'rotating* -keys',
    'NEAR(keys)',
    "'; drop table kb_articles; --",
    ':*&|!()',
  ]) {
    await search(ws, q); // must not throw
  }
  assert.deepEqual(await search(ws, '!!! ???'), []);
});

test('follows updates and deletes', async () => {
  await articlesRepository.update(storage.db, ws, ids.tagged, { title: 'Invoices', tags: '["finance"]' });
  assert.deepEqual(await search(ws, 'billing'), []);
  assert.deepEqual(
    (await search(ws, 'invoices')).map((h) => h.id),
    [ids.tagged],
  );
  await articlesRepository.delete(storage.db, ws, ids.tagged);
  assert.deepEqual(await search(ws, 'invoices'), []);
});

test('honours the limit', async () => {
  assert.equal((await search(ws, 'keys', 1)).length, 1);
});

test('a page of a query with many matches is the top of the whole ranking, each hit with its snippet', async () => {
  const w = await workspace();
  // Varying counts of the word, so the ranking is not one long tie.
  for (let i = 0; i < 30; i++) {
    await article(w, `many${i}`, {
      title: `Refunds, part ${i}`,
      body: `${'An invoice line. '.repeat(i % 7)}A refund goes back to the card. ${'Other text. '.repeat(i % 5)}`,
    });
  }
  const all = await search(w, 'refund', 50);
  assert.equal(all.length, 30);
  for (const limit of [1, 5, 12]) {
    const page = await search(w, 'refund', limit);
    assert.deepEqual(
      page.map((hit) => [hit.id, hit.score, hit.snippet]),
      all.slice(0, limit).map((hit) => [hit.id, hit.score, hit.snippet]),
      `page of ${limit}`,
    );
  }
  assert.ok(
    all.every((hit) => /<mark>refund/i.test(hit.snippet)),
    'every hit has a highlighted snippet',
  );
  const scores = all.map((hit) => Number(hit.score));
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
    'ranked best first',
  );
});

test("a snippet is safe HTML: the article's text escaped, only Woes's own <mark> around matches", async () => {
  const w = await workspace();
  await article(w, 'markup', { title: 'Markup', body: `<img src=x onerror=alert(1)> quokka & "q" 'x'` });
  const hits = await search(w, 'quokka');
  assert.deepEqual(
    hits.map((h) => h.id),
    [ids.markup],
  );
  const { snippet } = hits[0];
  assertSafeHtml(snippet);
  assert.match(snippet, /<mark>quokka<\/mark>/);
  if (storage.dialect === 'sqlite') {
    assert.equal(snippet, '&lt;img src=x onerror=alert(1)&gt; <mark>quokka</mark> &amp; &quot;q&quot; &#39;x&#39;');
  } else {
    // ts_headline drops what its parser reads as tags and trims the fragment; the rest is escaped.
    assert.match(snippet, /alert\(1\)&gt; <mark>quokka<\/mark>/);
  }
  await article(w, 'symbols', { title: 'Symbols', body: `Tom & "Jerry" say 'hi': a < b quokka > c & d` });
  const [symbols] = (await search(w, 'quokka')).filter((h) => h.id === ids.symbols);
  assertSafeHtml(symbols.snippet);
  assert.match(symbols.snippet, /&quot; say &#39;hi&#39;: a &lt; b <mark>quokka<\/mark>/);
  if (storage.dialect === 'sqlite') {
    assert.equal(
      symbols.snippet,
      'Tom &amp; &quot;Jerry&quot; say &#39;hi&#39;: a &lt; b <mark>quokka</mark> &gt; c &amp; d',
    );
  }
});

/** Markup only as `<mark>…</mark>`; every other < > " ' escaped and every & starting an escape. */
function assertSafeHtml(html: string): void {
  const text = html.replace(/<mark>([^<]*)<\/mark>/g, '$1');
  assert.ok(!/[<>"']/.test(text), `raw markup in ${JSON.stringify(html)}`);
  assert.ok(!/&(?!(amp|lt|gt|quot|#39);)/.test(text), `an unescaped & in ${JSON.stringify(html)}`);
}

test('an article holding the sentinel characters cannot forge a <mark>', async () => {
  const w = await workspace();
  // U+0001/U+0002 can be stored (only U+0000 is refused on input); old sentinels and raw tags both.
  const body = 'wombat \u0001evil\u0002 <mark>fake</mark> \u0001/x\u0002 \u0001\u0002 tail';
  await article(w, 'forger', { title: 'Forger', body });
  const [hit] = await search(w, 'wombat');
  assert.equal(hit.id, ids.forger);
  assert.equal(hit.snippet.match(/<mark>/g)?.length, 1, hit.snippet);
  assert.ok(hit.snippet.startsWith('<mark>wombat</mark> '), hit.snippet);
  assert.ok(!hit.snippet.includes('\u0001') && !hit.snippet.includes('\u0002'), 'no sentinel character left');
  // ts_headline drops what its parser reads as tags; SQLite keeps them, escaped.
  if (storage.dialect === 'sqlite') assert.ok(hit.snippet.includes('&lt;mark&gt;fake&lt;/mark&gt;'), hit.snippet);
  assertSafeHtml(hit.snippet);
});
