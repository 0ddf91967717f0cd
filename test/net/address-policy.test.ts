import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAddress, embeddedIPv4, isAllowedAddress } from '../../src/net/address-policy.js';

// Each blocked range by its first and last address, and the addresses just outside it.
const EDGES: Array<[string, 'public' | 'private' | 'never']> = [
  ['0.0.0.0', 'never'],
  ['0.255.255.255', 'never'],
  ['1.0.0.0', 'public'],
  ['9.255.255.255', 'public'],
  ['10.0.0.0', 'private'],
  ['10.255.255.255', 'private'],
  ['11.0.0.0', 'public'],
  ['100.63.255.255', 'public'],
  ['100.64.0.0', 'private'],
  ['100.100.100.199', 'private'],
  ['100.100.100.200', 'never'], // Alibaba Cloud metadata
  ['100.100.100.201', 'private'],
  ['100.127.255.255', 'private'],
  ['100.128.0.0', 'public'],
  ['126.255.255.255', 'public'],
  ['127.0.0.0', 'private'],
  ['127.255.255.255', 'private'],
  ['128.0.0.0', 'public'],
  ['169.253.255.255', 'public'],
  ['169.254.0.0', 'private'],
  ['169.254.169.253', 'private'],
  ['169.254.169.254', 'never'],
  ['169.254.255.255', 'private'],
  ['169.255.0.0', 'public'],
  ['172.15.255.255', 'public'],
  ['172.16.0.0', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.0', 'public'],
  ['192.0.0.0', 'private'],
  ['192.0.0.191', 'private'],
  ['192.0.0.192', 'never'], // Oracle Cloud metadata
  ['192.0.0.193', 'private'],
  ['192.0.1.0', 'public'],
  ['192.0.2.255', 'private'],
  ['192.0.3.0', 'public'],
  ['192.88.98.255', 'public'],
  ['192.88.99.0', 'private'],
  ['192.88.100.0', 'public'],
  ['192.167.255.255', 'public'],
  ['192.168.0.0', 'private'],
  ['192.168.255.255', 'private'],
  ['192.169.0.0', 'public'],
  ['198.17.255.255', 'public'],
  ['198.18.0.0', 'private'],
  ['198.19.255.255', 'private'],
  ['198.20.0.0', 'public'],
  ['198.51.99.255', 'public'],
  ['198.51.100.0', 'private'],
  ['198.51.101.0', 'public'],
  ['203.0.112.255', 'public'],
  ['203.0.113.0', 'private'],
  ['203.0.114.0', 'public'],
  ['223.255.255.255', 'public'],
  ['224.0.0.0', 'never'],
  ['239.255.255.255', 'never'],
  ['240.0.0.0', 'never'],
  ['255.255.255.255', 'never'],
  ['::', 'never'],
  ['::1', 'private'],
  ['::2', 'never'], // IPv4-compatible 0.0.0.2
  ['fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'public'],
  ['fc00::', 'private'],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'private'],
  ['fe00::', 'public'],
  ['fe80::', 'private'],
  ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'private'],
  ['fec0::', 'private'], // deprecated site-local fec0::/10
  ['fec0::1', 'private'],
  ['feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'private'],
  ['ff00::', 'never'],
  ['100::', 'private'],
  ['100::ffff:ffff:ffff:ffff', 'private'],
  ['100:0:0:1::', 'public'],
  ['2001:db8::', 'private'],
  ['2001:db9::', 'public'],
  ['3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'public'],
  ['3fff::', 'never'], // documentation 3fff::/20 (RFC 9637)
  ['3fff::1', 'never'],
  ['3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff', 'never'],
  ['3fff:1000::', 'public'],
  ['5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'public'],
  ['5f00::', 'never'], // SRv6 SIDs 5f00::/16 (RFC 9602)
  ['5f00::1', 'never'],
  ['5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'never'],
  ['5f01::', 'public'],
  ['fd00:ec2::254', 'never'],
  ['fd00:ec2::253', 'private'],
  ['fe80::1%eth0', 'private'],
  ['2606:4700::1111', 'public'],
  ['::ffff:8.8.8.8', 'public'],
  ['::ffff:808:808', 'public'],
  ['::ffff:127.0.0.1', 'private'],
  ['::ffff:169.254.169.254', 'never'],
  ['::ffff:100.100.100.200', 'never'],
  ['64:ff9b::192.0.0.192', 'never'],
  ['64:ff9b::8.8.8.8', 'public'],
  ['64:ff9b::192.168.0.1', 'private'],
  ['2002:808:808::1', 'public'],
  ['2002:c0a8:1::1', 'private'],
  ['2001:0:808:808::f7f7:f7f7', 'public'], // Teredo: server 8.8.8.8, client 8.8.8.8
  ['2001:0:808:808::80ff:fffe', 'private'], // Teredo client 127.0.0.1
  ['not-an-ip', 'never'],
  ['127.1', 'never'], // not an address a resolver returns: fail closed
];

test('every range edge is classified as documented', () => {
  const wrong = EDGES.filter(([address, kind]) => classifyAddress(address) !== kind).map(
    ([address, kind]) => `${address}: expected ${kind}, got ${classifyAddress(address)}`,
  );
  assert.deepEqual(wrong, []);
});

test('allowPrivate lifts private addresses only', () => {
  assert.equal(isAllowedAddress('127.0.0.1', false), false);
  assert.equal(isAllowedAddress('127.0.0.1', true), true);
  assert.equal(isAllowedAddress('169.254.169.254', true), false);
  for (const metadata of ['100.100.100.200', '192.0.0.192']) {
    assert.equal(isAllowedAddress(metadata, true), false, `${metadata} with allowPrivate`);
  }
  for (const nonGlobal of ['5f00::1', '3fff::1']) {
    assert.equal(isAllowedAddress(nonGlobal, true), false, `${nonGlobal} with allowPrivate`);
    assert.equal(isAllowedAddress(nonGlobal, false), false, nonGlobal);
  }
  assert.equal(isAllowedAddress('fec0::1', false), false);
  assert.equal(isAllowedAddress('fec0::1', true), true);
  assert.equal(isAllowedAddress('8.8.8.8', false), true);
});

test('embedded IPv4 addresses are found in every carrying form', () => {
  assert.deepEqual(embeddedIPv4('::ffff:7f00:1'), ['127.0.0.1']);
  assert.deepEqual(embeddedIPv4('::ffff:0:7f00:1'), ['127.0.0.1']);
  assert.deepEqual(embeddedIPv4('::7f00:1'), ['127.0.0.1']);
  assert.deepEqual(embeddedIPv4('64:ff9b::7f00:1'), ['127.0.0.1']);
  assert.deepEqual(embeddedIPv4('64:ff9b:1:7f00:0:100::'), ['127.0.0.1', '0.0.0.0']);
  assert.deepEqual(embeddedIPv4('2002:7f00:1::'), ['127.0.0.1']);
  assert.deepEqual(embeddedIPv4('2001:0:a00:1::80ff:fffe'), ['10.0.0.1', '127.0.0.1']);
  assert.deepEqual(embeddedIPv4('2606:4700::1111'), []);
});
