import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createTestApp, type TestApp } from '../helpers/app.js';

// Issue #11 item 6: whatever the client sends, the answer is a Woes answer — the SPEC §4 body,
// the correlation id, a log line — and never repeats the URL or any other part of the request.
// Over a real socket: a bad URL is refused before Fastify's inject-visible path, and a 413's
// fate depends on what the server does with the bytes still on the wire.
const KEY = 'woesk_' + 'A'.repeat(32) + 'BBBBBB';
let t: TestApp;
let port: number;

before(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
after(() => t.close());

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

function parse(raw: string): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(end + 4, end + 4 + Number(headers['content-length'] ?? 0));
  return { status: Number(statusLine.split(' ')[1]), headers, body, raw };
}

/**
 * Sends `head` and then `body`, reading nothing until every byte is written — as a client that
 * writes its request before it reads does — and resolves with the first response.
 */
function exchange(head: string, body: Buffer = Buffer.alloc(0)): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.pause();
    let data = '';
    const timer = setTimeout(
      () => finish(new Error(`no complete response; got ${JSON.stringify(data.slice(0, 200))}`)),
      10_000,
    );
    function finish(error?: Error): void {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(parse(data));
    }
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish(new Error(`connection closed; got ${JSON.stringify(data.slice(0, 200))}`)));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/content-length: *(\d+)/i.exec(data.slice(0, end))?.[1] ?? 0);
      if (data.length >= end + 4 + length) finish();
    });
    socket.write(head);
    socket.write(body, () => socket.resume());
  });
}

function assertWoesAnswer(response: RawResponse, status: number, code: string): void {
  assert.equal(response.status, status, response.raw.slice(0, 300));
  const json = JSON.parse(response.body);
  assert.equal(json.code, code);
  assert.equal(typeof json.error, 'string');
  assert.match(json.requestId, /^req_/);
  assert.equal(response.headers['x-correlation-id'], json.requestId);
  assert.match(response.headers['content-type'], /^application\/json/);
  assert.equal(response.headers['cache-control'], 'no-store');
  // The request appears in the log like any other, under the same id — with the key scrubbed.
  const line = t.logs.lines.find((l) => l.includes(json.requestId) && l.includes('request completed'));
  assert.ok(line, `no log line for ${json.requestId}`);
  assert.equal(JSON.parse(line).statusCode, status);
}

test('a badly %-encoded URL with a key in the query: SPEC §4 body, nothing echoed, logged without the key', async () => {
  const response = await exchange(`GET /api/v1/me%c0?access_token=${KEY} HTTP/1.1\r\nHost: x\r\n\r\n`);
  assertWoesAnswer(response, 400, 'invalid_request');
  assert.ok(!response.raw.includes(KEY), 'the key came back in the response');
  assert.ok(!response.body.includes('me%c0'), 'the URL came back in the response');
  assert.ok(!t.logs.text.includes(KEY), 'the key reached the log');
});

test('an unknown route does not repeat its path', async () => {
  const response = await exchange(`GET /api/v1/secret-path-${KEY.slice(6)}?x=1 HTTP/1.1\r\nHost: x\r\n\r\n`);
  assertWoesAnswer(response, 404, 'not_found');
  assert.ok(!response.body.includes('secret-path'));
});

test('malformed JSON and a wrong content type answer the SPEC §4 body', async () => {
  const bad = '{"email": "a@b.c",';
  const json = await exchange(
    `POST /api/v1/auth/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${bad.length}\r\n\r\n${bad}`,
  );
  assertWoesAnswer(json, 400, 'invalid_request');
  assert.ok(!json.body.includes('a@b.c'));
  const xml = '<a>hello</a>';
  const type = await exchange(
    `POST /api/v1/auth/session HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: ${xml.length}\r\n\r\n${xml}`,
  );
  assertWoesAnswer(type, 415, 'unsupported_media_type');
});

test('a body over the limit: the 413 reaches a client that writes its whole body before reading', async () => {
  const body = Buffer.alloc(8 * 1024 * 1024, 'x');
  const declared = await exchange(
    `POST /api/v1/auth/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    body,
  );
  assertWoesAnswer(declared, 413, 'payload_too_large');
  // Chunked: the server only learns the size while reading.
  const chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
  const streamed = await exchange(
    'POST /api/v1/auth/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    chunked,
  );
  assertWoesAnswer(streamed, 413, 'payload_too_large');
});

test('a request the HTTP parser refuses still gets the SPEC §4 body and a correlation id', async () => {
  const response = await exchange('GET /api/v1/me HTTP/1.1\r\nHost: x\r\nBad Header: yes\r\n\r\n');
  assert.equal(response.status, 400);
  const json = JSON.parse(response.body);
  assert.equal(json.code, 'invalid_request');
  assert.equal(response.headers['x-correlation-id'], json.requestId);
  assert.ok(t.logs.lines.some((l) => l.includes(json.requestId)));
});
