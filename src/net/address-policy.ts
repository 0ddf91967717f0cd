import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses an outbound call (webhook delivery, API test run) may connect to.
 *
 * - `never`: refused even with WOES_ALLOW_PRIVATE_WEBHOOKS=true — cloud metadata (a webhook URL
 *   must never read instance credentials: 169.254.169.254, AWS's fd00:ec2::254, Alibaba Cloud's
 *   100.100.100.200, Oracle Cloud's 192.0.0.192), unspecified (0.0.0.0 and :: reach the local
 *   host), multicast, broadcast, reserved ranges (nothing to deliver to) and IPv6 ranges that are
 *   not global (SRv6 SIDs 5f00::/16, RFC 9602; documentation 3fff::/20, RFC 9637).
 * - `private`: loopback, RFC 1918 and ULA, deprecated site-local (fec0::/10), CGNAT, link-local,
 *   documentation, benchmarking and protocol ranges; refused unless private targets are allowed
 *   (local development and tests).
 * - `public`: everything else.
 *
 * Sources: the IANA special-purpose registries (RFC 6890) and the embedded-IPv4 bypasses listed in
 * shared/research/batch2-anchors.md §6.
 */
export type AddressClass = 'public' | 'private' | 'never';

const NEVER_V4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['169.254.169.254', 32],
  // Alibaba Cloud's metadata service, inside CGNAT 100.64.0.0/10.
  ['100.100.100.200', 32],
  // Oracle Cloud's metadata service, inside the IETF protocol range 192.0.0.0/24.
  ['192.0.0.192', 32],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4], // includes 255.255.255.255
];
const PRIVATE_V4: Array<[string, number]> = [
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
];
const NEVER_V6: Array<[string, number]> = [
  ['::', 128],
  ['fd00:ec2::254', 128],
  ['ff00::', 8],
  // Segment Routing (SRv6) SIDs (RFC 9602): not globally reachable.
  ['5f00::', 16],
  // Documentation (RFC 9637), alongside 2001:db8::/32: never a real target.
  ['3fff::', 20],
];
const PRIVATE_V6: Array<[string, number]> = [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  // Site-local (deprecated by RFC 3879, still routed inside some networks).
  ['fec0::', 10],
  ['100::', 64],
  ['2001:db8::', 32],
  // Local-use NAT64 (RFC 8215): translates into the operator's own network.
  ['64:ff9b:1::', 48],
];

function blockList(v4: Array<[string, number]>, v6: Array<[string, number]>): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

const NEVER = blockList(NEVER_V4, NEVER_V6);
const PRIVATE = blockList(PRIVATE_V4, PRIVATE_V6);

/** The 16 bytes of an IPv6 address (already validated by isIP), zone id removed. */
export function ipv6Bytes(address: string): Uint8Array {
  let text = address.split('%')[0].toLowerCase();
  const bytes = new Uint8Array(16);
  // A trailing dotted quad (::ffff:1.2.3.4) becomes two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = text.slice(0, dotted.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

function dottedQuad(bytes: Uint8Array, at: number[], invert = false): string {
  return at.map((i) => (invert ? bytes[i] ^ 0xff : bytes[i])).join('.');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((value, i) => bytes[i] === value);
}

const LAST_FOUR = [12, 13, 14, 15];

/**
 * The IPv4 addresses an IPv6 address carries and that a gateway or the kernel would reach:
 * IPv4-mapped (::ffff:0:0/96), IPv4-translated (::ffff:0:0:0/96), IPv4-compatible (::/96),
 * NAT64 (64:ff9b::/96, and 64:ff9b:1::/48 at both RFC 6052 positions), 6to4 (2002::/16) and
 * Teredo (2001::/32: the server, and the client stored inverted).
 */
export function embeddedIPv4(address: string): string[] {
  const bytes = ipv6Bytes(address);
  const zeros = (count: number): number[] => Array<number>(count).fill(0);
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff])) return [dottedQuad(bytes, LAST_FOUR)];
  if (startsWith(bytes, [...zeros(8), 0xff, 0xff, 0, 0])) return [dottedQuad(bytes, LAST_FOUR)];
  // ::/96 holds :: and ::1 too, which are classified as themselves.
  if (startsWith(bytes, zeros(12)) && !(startsWith(bytes.subarray(12), [0, 0, 0]) && bytes[15] <= 1)) {
    return [dottedQuad(bytes, LAST_FOUR)];
  }
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)])) return [dottedQuad(bytes, LAST_FOUR)];
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 1])) {
    return [dottedQuad(bytes, [6, 7, 9, 10]), dottedQuad(bytes, LAST_FOUR)];
  }
  if (startsWith(bytes, [0x20, 0x02])) return [dottedQuad(bytes, [2, 3, 4, 5])];
  if (startsWith(bytes, [0x20, 0x01, 0, 0])) {
    return [dottedQuad(bytes, [4, 5, 6, 7]), dottedQuad(bytes, LAST_FOUR, true)];
  }
  return [];
}

function classifyOne(address: string, family: 'ipv4' | 'ipv6'): AddressClass {
  if (NEVER.check(address, family)) return 'never';
  if (PRIVATE.check(address, family)) return 'private';
  return 'public';
}

const RANK: Record<AddressClass, number> = { public: 0, private: 1, never: 2 };

/** The class of an IP address; anything that is not an IP address is `never` (fail closed). */
export function classifyAddress(address: string): AddressClass {
  const version = isIP(address);
  if (version === 4) return classifyOne(address, 'ipv4');
  if (version !== 6) return 'never';
  const bare = address.split('%')[0];
  // The strictest of the address itself and every IPv4 address it embeds.
  return [classifyOne(bare, 'ipv6'), ...embeddedIPv4(bare).map((v4) => classifyOne(v4, 'ipv4'))].reduce(
    (worst, next) => (RANK[next] > RANK[worst] ? next : worst),
  );
}

/** May an outbound call connect to this address? */
export function isAllowedAddress(address: string, allowPrivate: boolean): boolean {
  const kind = classifyAddress(address);
  return kind === 'public' || (kind === 'private' && allowPrivate);
}
