import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { networkAddress, normaliseAllowedIps } from '../../src/keys/ip-allowlist.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from '../support/api-helpers.js';

let t: TestApp;
let w: Tenant;

before(async () => {
  t = await createTestApp();
  w = await tenant(t);
});
after(() => t.close());

test('a range is stored as its network address, so the list shows what it admits', () => {
  assert.deepEqual(
    normaliseAllowedIps(['127.0.0.30/0', '10.0.0.5/8', '10.0.0.0/8', '203.0.113.77/25', '203.0.113.7']),
    ['0.0.0.0/0', '10.0.0.0/8', '203.0.113.0/25', '203.0.113.7'],
  );
  assert.deepEqual(normaliseAllowedIps(['2001:DB8::1/32', '2001:db8:1:2:3:4:5:6/64', 'fe80::1/0']), [
    '2001:db8::/32',
    '2001:db8:1:2::/64',
    '::/0',
  ]);
  assert.equal(networkAddress('10.1.2.3', 32), '10.1.2.3');
  assert.equal(networkAddress('2001:db8::1', 128), '2001:db8::1');
});

test('an IPv6 zone id is refused with a 400 that says why', () => {
  for (const entry of ['fe80::1%lo', 'fe80::1%eth0/64', 'fe80::1%25lo']) {
    assert.throws(
      () => normaliseAllowedIps([entry]),
      (error: any) => error.code === 'invalid_request' && /zone id/.test(error.options.details[0].message),
      entry,
    );
  }
});

test('the API stores and answers the network address, and refuses a zone id', async () => {
  const created = await w.call('POST', '/keys', {
    name: 'ranged',
    scopes: ['conversations.read'],
    allowedIps: ['127.0.0.30/0'],
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual(created.json.allowedIps, ['0.0.0.0/0']);
  const zoned = await w.call('PATCH', `/keys/${created.json.id}`, { allowedIps: ['fe80::1%lo'] });
  assert.equal(zoned.statusCode, 400, zoned.body);
  assert.equal(zoned.json.details[0].path, '/body/allowedIps/0');
  assert.match(zoned.json.details[0].message, /zone id/);
});
