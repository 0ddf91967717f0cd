import type { AuthType } from './request-target.js';

/** The run's answer, reduced to what is safe to keep and show: allowlisted headers and a redacted excerpt. */
export const EXCERPT_BYTES = 2048;
export const REDACTED = '[redacted]';

/** Response headers worth keeping; anything else (set-cookie, echoes of our request) is dropped. */
const KEPT_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'date',
  'server',
  'x-request-id',
  'x-correlation-id',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'cache-control',
  'etag',
  'last-modified',
  'location',
  'www-authenticate',
];

/** Shorter secret parts are not searched for on their own (they would blank out ordinary text). */
const MIN_PART = 4;

/**
 * Every form in which the API could echo the secret back: raw, JSON-escaped, base64 (padded and
 * not), base64url, URL-encoded (upper and lower case hex); for basic auth also the password alone
 * and the `user:password` pair as they travel in the header. Longest first, so that a longer form
 * is replaced before a shorter one inside it.
 */
export function secretForms(type: AuthType, secret: string): string[] {
  const parts = new Set<string>([secret]);
  if (type === 'basic') {
    const password = secret.slice(secret.indexOf(':') + 1);
    if (password.length >= MIN_PART) parts.add(password);
  }
  const forms = new Set<string>();
  for (const part of parts) {
    const bytes = Buffer.from(part, 'utf8');
    const encoded = encodeURIComponent(part);
    for (const form of [
      part,
      JSON.stringify(part).slice(1, -1),
      bytes.toString('base64'),
      bytes.toString('base64').replace(/=+$/, ''),
      bytes.toString('base64url'),
      encoded,
      encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      encoded.replace(/%20/g, '+'),
      escape(part),
    ]) {
      if (form.length >= MIN_PART) forms.add(form);
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

export function redact(text: string, forms: readonly string[]): string {
  let out = text;
  // Replacing can join the text around a match into another match; repeat until nothing is left.
  for (let pass = 0; pass < 3; pass += 1) {
    const before = out;
    for (const form of forms) out = out.split(form).join(REDACTED);
    if (out === before) break;
  }
  return out;
}

/** At most the first 2 KiB (UTF-8) of the body as text, redacted before it is cut (so a secret across the cut is still caught). */
export function excerptOf(body: Buffer, forms: readonly string[]): string | null {
  if (body.length === 0) return null;
  const longest = forms[0]?.length ?? 0;
  const window = body.subarray(0, EXCERPT_BYTES + 4 * longest + 16).toString('utf8');
  const cut = Buffer.from(redact(window, forms), 'utf8').subarray(0, EXCERPT_BYTES).toString('utf8');
  // A character split by the cut decodes as U+FFFD: drop it rather than show a broken one.
  return cut.replace(/\uFFFD$/, '');
}

export function keptHeaders(headers: Record<string, string>, forms: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (value !== undefined) out[name] = redact(value, forms).slice(0, 512);
  }
  return out;
}
