import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createApiKey } from '../helpers/fixtures.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { authorizationHeader, checkProperty, fieldValue, headerText, wellFormedKey } from './fuzz.js';

/**
 * Property-based fuzzing of everything a client controls, through app.inject on a real app:
 * never a 500, never an unhandled rejection, never a response that echoes a secret.
 */
let t: TestApp;
let caller: Tenant;
let secret: string;
/** A key the body fuzzing may rename, roll or revoke without cutting off the caller. */
let victimKeyId: string;
const planted = fc.sample(wellFormedKey, { numRuns: 1, seed: 7 })[0];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

before(async () => {
  process.on('unhandledRejection', onUnhandled);
  // Fuzzing sends hundreds of bad credentials: the failed-credential budget would answer 429
  // before the parsers ever ran.
  const loose = { points: 1_000_000, durationMs: 60_000 };
  t = await createTestApp({
    deps: { rateRules: { failedCredentials: loose, apiKey: loose, signInFailures: loose, emailPerRecipient: loose } },
  });
  caller = await tenant(t);
  secret = caller.auth.authorization.slice('Bearer '.length);
  victimKeyId = (await createApiKey(t, caller.workspaceId, ['admin'])).id;
});

after(async () => {
  await t.close();
  process.off('unhandledRejection', onUnhandled);
});

/** What every fuzzed response must satisfy. */
function assertSafe(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  secrets: string[],
): void {
  assert.ok(res.statusCode < 500, `status ${res.statusCode}: ${res.body.slice(0, 300)}`);
  const text = res.body + JSON.stringify(res.headers);
  for (const value of secrets) {
    if (value.length >= 8) assert.ok(!text.includes(value), `the response echoes a secret: ${res.body.slice(0, 300)}`);
  }
  if (res.statusCode >= 400) {
    const body = JSON.parse(res.body) as { code?: unknown; requestId?: unknown };
    assert.equal(typeof body.code, 'string');
    assert.equal(typeof body.requestId, 'string');
  }
  assert.deepEqual(unhandled, []);
}

test('fuzz: the Authorization header parser and every credential prefix', async () => {
  await checkProperty(
    'authorization',
    authorizationHeader(secret),
    async ({ header, token }) => {
      const res = await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: header } });
      if (res.statusCode === 200) assert.equal(token, secret, `accepted ${JSON.stringify(header)}`);
      else assert.ok([400, 401, 403].includes(res.statusCode), `status ${res.statusCode}`);
      // A refused credential is never repeated back; the real one never appears at all.
      assertSafe(res, token === secret ? [secret] : [secret, token]);
    },
    60,
  );
});

test('a credential pasted into a field that quotes bad input is not repeated back (a counter-example the fuzzer found)', async () => {
  const res = await caller.call('POST', '/widget-keys', { name: 'w', allowedOrigins: [planted] });
  assert.equal(res.statusCode, 400);
  assertSafe(res, [secret, planted]);
});

test('fuzz: list cursors and limits', async () => {
  const cursor = fc.oneof(
    headerText(60),
    fc.string({ maxLength: 60 }),
    fc.base64String({ maxLength: 60 }),
    fc.constant('Y3VzdF8wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA'),
  );
  const limit = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }).map(String) },
    fc.integer({ min: -5, max: 200 }).map(String),
    fc.constantFrom('', 'abc', '1e3', '20.5', '-0'),
  );
  await checkProperty(
    'cursor',
    fc.tuple(
      fc.constantFrom('/customers', '/conversations', '/kb/articles', '/agents', '/keys', '/audit-events'),
      cursor,
      limit,
    ),
    async ([path, c, l]) => {
      const res = await caller.call('GET', `${path}?cursor=${encodeURIComponent(c)}&limit=${encodeURIComponent(l)}`);
      assert.ok([200, 400].includes(res.statusCode), `status ${res.statusCode}: ${res.body.slice(0, 200)}`);
      assertSafe(res, [secret]);
    },
    40,
  );
});

test('fuzz: Idempotency-Key handling (a replay answers what the first request did)', async () => {
  await checkProperty(
    'idempotency-key',
    fc.tuple(headerText(300), fc.string({ maxLength: 20 })),
    async ([key, name]) => {
      const body = { name, email: 'fuzz@example.com' };
      const first = await caller.call('POST', '/customers', body, { 'idempotency-key': key });
      assertSafe(first, [secret]);
      if (first.statusCode !== 201) return;
      const again = await caller.call('POST', '/customers', body, { 'idempotency-key': key });
      assertSafe(again, [secret]);
      if (key.trim() !== '') assert.equal(again.json.id, first.json.id);
    },
    30,
  );
});

interface Operation {
  method: string;
  path: string;
  fields: Record<string, Schema>;
}

/** Every operation with a JSON body, read from the app's own OpenAPI document. */
function operationsWithBodies(): Operation[] {
  const doc = t.app.swagger() as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  };
  const out: Operation[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (schema) out.push({ method: method.toUpperCase(), path, fields: fieldsOf(schema) });
    }
  }
  return out;
}

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
}
function fieldsOf(schema: Schema): Record<string, Schema> {
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return Object.assign({}, ...branches.map(fieldsOf), schema.properties ?? {});
}

/** A value that often satisfies the field's schema, so fuzzing reaches past validation. */
function validish(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (branches.length) return fc.oneof(...branches.map((b) => validish(b, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'date-time')
        return fc
          .date({ min: new Date(2020, 0), max: new Date(2040, 0), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (schema.format === 'uri') return fc.webUrl();
      const min = schema.minLength ?? 0;
      return fc.string({ minLength: min, maxLength: Math.min(schema.maxLength ?? min + 30, min + 30) });
    }
    case 'integer':
    case 'number':
      return fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1_000_000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? validish(schema.items, depth + 1) : fc.string(), { maxLength: 4 });
    case 'object':
      if (depth > 2) return fc.constant({});
      return fc.record(
        Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, validish(v, depth + 1)])),
        { requiredKeys: [] },
      );
    default:
      return fc.string({ maxLength: 20 });
  }
}

/** The operation's fields, each mostly valid and sometimes junk; all present, or any subset. */
function fieldsRecord(op: Operation, keys: 'all' | 'some'): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(op.fields).map(([name, schema]) => [
    name,
    fc.oneof({ weight: 4, arbitrary: validish(schema) }, { weight: 1, arbitrary: fieldValue(planted) }),
  ]);
  return fc.record(Object.fromEntries(fields), keys === 'all' ? {} : { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

test('fuzz: every JSON body schema', async () => {
  const operations = operationsWithBodies();
  assert.ok(operations.length >= 20, `only ${operations.length} operations with a body`);
  const pathParam = fc.oneof(
    fc.constant(victimKeyId),
    fc.constantFrom(
      'cust_00000000000000000000000000',
      'usr_00000000000000000000000000',
      'conv_0000000000000000000000000',
    ),
    fc.string({ maxLength: 40 }),
  );
  const body = (op: Operation): fc.Arbitrary<{ payload: unknown; raw: boolean }> =>
    fc.oneof(
      { weight: 4, arbitrary: fieldsRecord(op, 'all').map((payload) => ({ payload, raw: false })) },
      { weight: 3, arbitrary: fieldsRecord(op, 'some').map((payload) => ({ payload, raw: false })) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((payload) => ({ payload, raw: false })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((payload) => ({ payload, raw: true })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}', '{"a":', '[]', 'null')
          .map((payload) => ({ payload, raw: true })),
      },
    );
  const request = fc.constantFrom(...operations).chain((op) => fc.tuple(fc.constant(op), body(op), pathParam));
  await checkProperty(
    'bodies',
    request,
    async ([op, { payload, raw }, param]) => {
      const url = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
      const res = await t.request({
        method: op.method as 'POST',
        url,
        headers: { ...caller.auth, 'content-type': 'application/json' },
        payload: raw ? (payload as string) : JSON.stringify(payload),
      });
      if (process.env.FUZZ_STATS) console.log('fuzz-status', op.method, op.path, res.statusCode);
      // A created object may store what it was sent; an error body never repeats it.
      assertSafe(res, res.statusCode >= 400 ? [secret, planted] : [secret]);
    },
    120,
  );
});
