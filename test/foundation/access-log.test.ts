import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger, logRequestCompleted, milliseconds } from '../../src/http/logger.js';

// The access line is built by hand for speed (issue #18): it must be the line pino would write.
test('the hand-built access-log line is the line pino writes, redactions included', () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  const secret = `woesk_${'A'.repeat(38)}`;
  const cases = [
    { url: '/api/v1/me', agent: 'autocannon', id: 'req_0123' },
    { url: `/api/v1/me?api_key=${secret}&x="q"`, agent: `curl ${secret} "quoted" \\ é`, id: `corr ${secret}` },
    { url: '/health', agent: undefined, id: 'a\u2028b' },
  ];
  for (const c of cases) {
    const log = logger.child({ requestId: c.id }) as unknown as FastifyBaseLogger;
    const request = {
      method: 'GET',
      url: c.url,
      ip: '203.0.113.9',
      headers: c.agent === undefined ? {} : { 'user-agent': c.agent },
      log,
    };
    log.info({ req: request, statusCode: 401, responseTime: 1.25 }, 'request completed');
    logRequestCompleted(request, 401, 1.25);
    const [byPino, byHand] = lines.splice(0).map((line) => {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      assert.equal(typeof parsed.time, 'number');
      delete parsed.time;
      return parsed;
    });
    assert.deepEqual(byHand, byPino, c.url);
    assert.ok(!JSON.stringify(byHand).includes(secret), 'a secret reached the log');
  }
});

test('below info level the access line is not written', () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'warn', destination: { write: (line: string) => void lines.push(line) } });
  const log = logger.child({ requestId: 'r' }) as unknown as FastifyBaseLogger;
  logRequestCompleted({ method: 'GET', url: '/', ip: '::1', headers: {}, log }, 200, 1);
  assert.deepEqual(lines, []);
});

test('response times are written to the microsecond, as JSON numbers', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [1.25, '1.250'],
    [0.0004, '0'],
    [0.0005, '0.001'],
    [0.417123, '0.417'],
    [12.0031, '12.003'],
    [3.99996, '4'],
    [1234.5678, '1234.568'],
    [Number.NaN, 'null'],
    [Number.POSITIVE_INFINITY, 'null'],
    [-1, 'null'],
  ];
  for (const [ms, text] of cases) {
    assert.equal(milliseconds(ms), text, String(ms));
    if (text !== 'null') assert.equal(JSON.parse(text), Math.round(ms * 1000) / 1000);
  }
});
