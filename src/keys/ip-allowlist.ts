import { BlockList, isIP } from 'node:net';
import { invalidRequest, type ErrorDetail } from '../errors.js';

/** At most this many entries per key (as env0 allows): a list, not a firewall. */
export const MAX_ALLOWED_IPS = 50;

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * Checks and normalises an allowlist (`203.0.113.7`, `10.0.0.0/8`, `2001:db8::/32`): a bad entry
 * is a 400 naming it, so a typo cannot silently lock a key out (or leave it open).
 */
export function normaliseAllowedIps(entries: readonly string[], path = '/body/allowedIps'): string[] {
  if (entries.length > MAX_ALLOWED_IPS) {
    throw invalidRequest(`An API key allows at most ${MAX_ALLOWED_IPS} addresses or ranges.`, [
      { path, message: `at most ${MAX_ALLOWED_IPS} entries` },
    ]);
  }
  const details: ErrorDetail[] = [];
  const out: string[] = [];
  entries.forEach((raw, index) => {
    const value = raw.trim();
    if (value.includes('%')) {
      // fe80::1%eth0: a zone names an interface of one machine, meaningless for a client address.
      details.push({ path: `${path}/${index}`, message: 'must not carry an IPv6 zone id (%…)' });
      return;
    }
    const entry = parseEntry(value);
    if (entry === null)
      details.push({ path: `${path}/${index}`, message: 'must be an IPv4 or IPv6 address or CIDR range' });
    else {
      // A range is stored as its network address: 127.0.0.30/0 is 0.0.0.0/0 (every IPv4 address),
      // and the stored list says so instead of looking like one host.
      const text =
        entry.prefix === null ? entry.text : `${networkAddress(entry.address, entry.prefix)}/${entry.prefix}`;
      if (!out.includes(text)) out.push(text);
    }
  });
  if (details.length > 0)
    throw invalidRequest('allowedIps holds an entry that is not an IP address or CIDR range.', details);
  return out;
}

interface Entry {
  address: string;
  family: 'ipv4' | 'ipv6';
  prefix: number | null;
  text: string;
}

function parseEntry(value: string): Entry | null {
  const [address, prefixText, extra] = value.split('/');
  if (extra !== undefined || address === undefined) return null;
  const version = isIP(address);
  if (version === 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address, family, prefix: null, text: address.toLowerCase() };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  const prefix = Number(prefixText);
  return { address, family, prefix, text: `${address.toLowerCase()}/${prefix}` };
}

/** The network address of `address`/`prefix` (host bits cleared), IPv6 in its canonical form. */
export function networkAddress(address: string, prefix: number): string {
  if (isIP(address) === 4) {
    const value = address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
    const masked = prefix === 0 ? 0 : ((value >>> (32 - prefix)) << (32 - prefix)) >>> 0;
    return [24, 16, 8, 0].map((shift) => (masked >>> shift) & 255).join('.');
  }
  const words = ipv6Words(address);
  const bits = words.reduce((n, word) => (n << 16n) | BigInt(word), 0n);
  const masked = prefix === 0 ? 0n : (bits >> BigInt(128 - prefix)) << BigInt(128 - prefix);
  const hex = Array.from({ length: 8 }, (_, i) => Number((masked >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // The URL parser writes IPv6 canonically (RFC 5952: lower case, longest zero run as ::).
  return new URL(`http://[${hex.join(':')}]`).hostname.slice(1, -1);
}

/** The eight 16-bit words of an IPv6 address (embedded IPv4 included), via the URL parser's canonical form. */
function ipv6Words(address: string): number[] {
  const canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  const [head, tail] = canonical.includes('::') ? canonical.split('::') : [canonical, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((word) => parseInt(word, 16));
}

/** A compiled allowlist, held in the cached principal so the check costs no lookup. */
export class IpAllowlist {
  private readonly list = new BlockList();

  constructor(readonly entries: readonly string[]) {
    for (const text of entries) {
      const entry = parseEntry(text);
      // Stored lists were validated on the way in; a bad stored entry allows nothing rather than everything.
      if (entry === null) continue;
      if (entry.prefix === null) this.list.addAddress(entry.address, entry.family);
      else this.list.addSubnet(entry.address, entry.prefix, entry.family);
    }
  }

  allows(ip: string): boolean {
    // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; match them against IPv4 entries.
    const mapped = MAPPED_IPV4.exec(ip);
    const address = mapped ? mapped[1] : ip;
    const version = isIP(address);
    if (version === 0) return false;
    return this.list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  }

  /** From the stored column: null when the key allows any address. */
  static fromColumn(column: string | null): IpAllowlist | null {
    if (column === null) return null;
    const entries = JSON.parse(column) as string[];
    return entries.length === 0 ? null : new IpAllowlist(entries);
  }
}
