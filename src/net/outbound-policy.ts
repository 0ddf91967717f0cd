import dns from 'node:dns';
import { isIP } from 'node:net';
import type { Config } from '../config.js';
import { classifyAddress } from './address-policy.js';

export interface OutboundPolicy {
  /** WOES_ALLOW_PRIVATE_WEBHOOKS=true: loopback and private targets allowed (local development and tests). */
  allowPrivate: boolean;
  /** DNS hook for tests (default: dns.promises.lookup with {all:true, verbatim:true}). */
  resolve?: (hostname: string) => Promise<{ address: string; family: 4 | 6 }[]>;
}

export type OutboundRefusedReason = 'invalid_url' | 'scheme' | 'blocked_address' | 'dns';
export type OutboundFailedReason = 'timeout' | 'connect' | 'tls' | 'too_large' | 'protocol';

/** The call was not made: its target is not allowed. Refusal reasons are values, not exceptions escaping as 500s. */
export class OutboundRefused extends Error {
  constructor(
    readonly reason: OutboundRefusedReason,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

/** The call was made and did not complete. */
export class OutboundFailed extends Error {
  constructor(
    readonly reason: OutboundFailedReason,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundFailed';
  }
}

export function outboundPolicy(config: Config): OutboundPolicy {
  return { allowPrivate: config.allowPrivateWebhooks };
}

/** Save-time DNS gets its own budget: a resolver that never answers must not hang the request saving a URL. */
const CHECK_DNS_TIMEOUT_MS = 5000;

type Resolved = { address: string; family: 4 | 6 };

async function systemResolve(hostname: string): Promise<Resolved[]> {
  const answers = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/** Added to refusals of private and loopback addresses (never to metadata and other `never` ones). */
export const ALLOW_PRIVATE_HINT =
  'WOES_ALLOW_PRIVATE_WEBHOOKS=true allows private and loopback targets for local development';

/**
 * Refuses unless the address may be connected to under the policy. `target` names it in the
 * message: the URL's own host, never an address DNS answered (that would map internal names).
 */
export function assertAllowedAddress(address: string, policy: OutboundPolicy, target: string): void {
  const kind = classifyAddress(address);
  if (kind === 'public' || (kind === 'private' && policy.allowPrivate)) return;
  if (kind === 'never') throw new OutboundRefused('blocked_address', `${target} is an address Woes never calls`);
  // The operator's way out for local development; metadata and the like have none.
  throw new OutboundRefused('blocked_address', `${target} is a private or loopback address (${ALLOW_PRIVATE_HINT})`);
}

/**
 * Every address the host resolves to, each one checked: one blocked answer refuses the host (an
 * attacker's DNS could otherwise answer a public and a private address and let the kernel pick).
 */
export async function resolveAllowed(hostname: string, policy: OutboundPolicy): Promise<Resolved[]> {
  let answers: Resolved[];
  try {
    answers = await (policy.resolve ?? systemResolve)(hostname);
  } catch {
    throw new OutboundRefused('dns', `the host ${hostname} could not be resolved`);
  }
  if (!Array.isArray(answers) || answers.length === 0) {
    throw new OutboundRefused('dns', `the host ${hostname} has no address`);
  }
  for (const answer of answers) assertAllowedAddress(answer.address, policy, `the host ${hostname} resolves to`);
  // The family comes from the address itself, not from the resolver's word for it.
  return answers.map((a) => ({ address: a.address, family: isIP(a.address) === 6 ? 6 : 4 }));
}

/** The host as an IP address when the URL names one (WHATWG URL has normalised it), else null. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? host : null;
}

/** URL syntax, http/https only, no userinfo. Throws OutboundRefused. */
export function parseOutboundUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused('invalid_url', 'the URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundRefused('scheme', `only http and https URLs are allowed, not ${url.protocol}`);
  }
  // Credentials in a URL end up in logs and delivery records; the receiver's auth belongs in headers.
  if (url.username !== '' || url.password !== '') {
    throw new OutboundRefused('invalid_url', 'the URL must not contain a user name or password');
  }
  if (url.hostname === '') throw new OutboundRefused('invalid_url', 'the URL has no host');
  return url;
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Save-time check: URL syntax, http/https only, no userinfo, resolves the host and refuses if ANY address is blocked. Throws OutboundRefused. */
export async function checkOutboundUrl(url: string, policy: OutboundPolicy): Promise<URL> {
  const parsed = parseOutboundUrl(url);
  const literal = literalAddress(parsed);
  if (literal !== null) {
    assertAllowedAddress(literal, policy, `the address ${literal}`);
    return parsed;
  }
  await withTimeout(
    resolveAllowed(parsed.hostname, policy),
    CHECK_DNS_TIMEOUT_MS,
    () => new OutboundRefused('dns', `the host ${parsed.hostname} did not resolve within ${CHECK_DNS_TIMEOUT_MS} ms`),
  );
  return parsed;
}
