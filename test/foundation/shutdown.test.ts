import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createTestApp } from '../helpers/app.js';

function get(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) }));
      })
      .on('error', reject);
  });
}

test('closing the server finishes an in-flight request and then refuses new connections', async () => {
  let release!: () => void;
  const started = new Promise<void>((resolve) => {
    release = resolve;
  });
  const t = await createTestApp({
    beforeReady(app) {
      app.get('/test/slow', async () => {
        release();
        await new Promise((r) => setTimeout(r, 300));
        return { finished: true };
      });
    },
  });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const inFlight = get(`${address}/test/slow`);
  await started;
  const closing = t.close();
  const response = await inFlight;
  assert.equal(response.status, 200);
  assert.deepEqual(response.body, { finished: true });
  await closing;
  await assert.rejects(get(`${address}/health`));
});
