import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createTestApp } from '../helpers/app.js';

/**
 * Slowloris: a client that sends its headers, then its body a byte now and then, held a
 * connection for as long as it liked (Fastify's requestTimeout of 0 switches off Node's own).
 * Now the whole request must arrive within WOES_REQUEST_TIMEOUT_MS.
 */
test('a body sent a byte at a time is answered 408 and its connection closed once WOES_REQUEST_TIMEOUT_MS has passed', async () => {
  const t = await createTestApp({ env: { WOES_REQUEST_TIMEOUT_MS: '1000' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as net.AddressInfo;
  const socket = net.connect(port, '127.0.0.1');
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (answer += chunk));
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
  const trickle = setInterval(() => socket.write('x'), 200);
  try {
    await new Promise<void>((resolve) => socket.on('connect', resolve));
    const started = Date.now();
    socket.write(
      'POST /api/v1/auth/session HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{',
    );
    // Bounded by the test's own limit: without the timeout the connection stays open for ever.
    const end = await Promise.race([closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
    assert.notEqual(end, null, 'the server closed the trickling connection');
    assert.ok(end! - started >= 1000, 'not before the timeout');
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(answer, /"code":"invalid_request"/);
    assert.match(answer, /took too long to arrive/);
  } finally {
    clearInterval(trickle);
    socket.destroy();
    await t.close();
  }
});

test('WOES_REQUEST_TIMEOUT_MS is 30 s by default and refused outside 1 s to 10 minutes', async () => {
  const { loadConfig } = await import('../../src/config.js');
  assert.equal(loadConfig({}).requestTimeoutMs, 30_000);
  assert.throws(() => loadConfig({ WOES_REQUEST_TIMEOUT_MS: '999' }), /WOES_REQUEST_TIMEOUT_MS/);
  assert.throws(() => loadConfig({ WOES_REQUEST_TIMEOUT_MS: '600001' }), /WOES_REQUEST_TIMEOUT_MS/);
});
