import { isIP } from 'node:net';
import { ipv6Bytes } from '../net/address-policy.js';

/**
 * The key a per-client limit counts under. An IPv6 client usually holds a whole /64 (a home, a
 * server) and can take a new address from it for every request, so an IPv6 address counts as its
 * /64, as GitHub and Cloudflare count them; an IPv4-mapped address (::ffff:1.2.3.4) as its IPv4
 * address. Keys that start with an address (`<ip>|<conversation>`) keep their rest; every other key
 * (key ids, user ids, `<workspace>:<email>`) is returned as it is. A key without ':' (IPv4, ids)
 * returns at once: this runs for every counted request.
 */
export function clientKey(key: string): string {
  if (!key.includes(':')) return key;
  const bar = key.indexOf('|');
  const head = bar === -1 ? key : key.slice(0, bar);
  if (isIP(head) !== 6) return key;
  const rest = bar === -1 ? '' : key.slice(bar);
  const bytes = ipv6Bytes(head);
  if (bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return `${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}${rest}`;
  const group = (i: number) => ((bytes[i] << 8) | bytes[i + 1]).toString(16);
  return `${group(0)}:${group(2)}:${group(4)}:${group(6)}::/64${rest}`;
}
