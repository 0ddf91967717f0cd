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
    const entry = parseEntry(raw.trim());
    if (entry === null)
      details.push({ path: `${path}/${index}`, message: 'must be an IPv4 or IPv6 address or CIDR range' });
    else if (!out.includes(entry.text)) out.push(entry.text);
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
