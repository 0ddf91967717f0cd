import { authHeader, type AuthType } from './request-target.js';
import { compileSecretMatcher, secretValue, type SecretMatcher, type SecretValue } from './secret-matcher.js';

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

/** The compiled search for each list `secretForms` returned, so that `redact` compiles it once. */
const compiled = new WeakMap<readonly string[], SecretMatcher>();

/**
 * The values a run's answer is searched for (the search itself, and why runs of 8, is in
 * secret-matcher.ts): for `bearer` and `header` the secret (the value sent is `Bearer <secret>` or
 * the secret itself, so every encoding of it holds an encoding of the secret in one of the matcher's
 * alignments); for `basic` the password and the base64 the header carried (its characters that hold
 * password bits). The returned list names them; the compiled search is kept beside it for `redact`.
 */
export function secretForms(type: AuthType, secret: string): string[] {
  const [, sent] = authHeader(type, null, secret);
  const values: SecretValue[] = [];
  const names: string[] = [];
  const add = (name: string, value: SecretValue) => {
    if (names.includes(name)) return;
    names.push(name);
    values.push(value);
  };
  if (type === 'basic') {
    const colon = secret.indexOf(':');
    const passwordAt = Buffer.byteLength(secret.slice(0, colon + 1), 'utf8');
    // The pair adds nothing to the password: a run must be secret throughout.
    add(secret.slice(colon + 1), secretValue(secret.slice(colon + 1)));
    // The header's base64 is a secret of its own: the characters that carry password bits.
    const prefix = 'Basic '.length;
    const header: SecretValue = {
      bytes: Buffer.from(sent, 'utf8'),
      secret: new Uint8Array(Buffer.byteLength(sent, 'utf8')),
    };
    for (let i = prefix; i < sent.length; i += 1) {
      if (sent[i] !== '=' && Math.floor((6 * (i - prefix) + 5) / 8) >= passwordAt) header.secret[i] = 1;
    }
    add(sent, header);
  } else {
    // `Bearer <secret>` adds nothing: any encoding of it holds the secret's, in one of the alignments.
    add(secret, secretValue(secret));
  }
  compiled.set(names, compileSecretMatcher(values));
  return names;
}

/** `text` with every run that gives away one of `forms` replaced by `[redacted]` (one marker per span). */
export function redact(text: string, forms: readonly string[]): string {
  let matcher = compiled.get(forms);
  if (matcher === undefined) {
    matcher = compileSecretMatcher(forms.map((form) => secretValue(form)));
    compiled.set(forms, matcher);
  }
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let from = 0;
  for (const { start, end } of matcher.findRuns(text)) {
    parts.push(bytes.subarray(from, start), Buffer.from(REDACTED));
    from = end;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts).toString('utf8');
}

/** Bytes read past the 2 KiB cut so that a run across it is still seen whole (16 characters, each up to 12 bytes written as an escape, with separators). */
const CUT_MARGIN = 512;

/** At most the first 2 KiB (UTF-8) of the body as text, redacted before it is cut (so a secret across the cut is still caught). */
export function excerptOf(body: Buffer, forms: readonly string[]): string | null {
  if (body.length === 0) return null;
  const window = body.subarray(0, EXCERPT_BYTES + CUT_MARGIN).toString('utf8');
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
