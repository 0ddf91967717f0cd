/**
 * Every secret credential prefix Woes issues (SPEC §2, and the refresh and portal tokens): the one
 * list the log redaction and the URL refusal below both read. Written as `woes` + kind so the
 * patterns test the common start once (every URL and log line goes through them).
 */
const SECRET_PREFIX = 'woes(?:k|cs|is|pl|ps|rt|vt)|whsec';
/** Widget keys (`woespk_`) live in public browser code: redacted from logs, but allowed in a URL. */
const ANY_PREFIX = 'woes(?:k|pk|cs|is|pl|ps|rt|vt)|whsec';

/**
 * The last line of defence against a secret reaching a log line or an audit event: anything
 * shaped like a credential Woes issues (or a JWT) is replaced by its prefix and a marker.
 * No word boundary before the prefix: a secret glued to a letter, digit or `_` (`Awoesk_…`,
 * `xwhsec_…`, `id_woesk_…`) is still a secret. A prefix with no body after it is left alone.
 * Built once, at load: the patterns run on every log line and every request.
 */
const SECRET_PATTERN = new RegExp(
  `(${ANY_PREFIX})_[A-Za-z0-9+/=_-]{8,}|eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+`,
  'g',
);

// A credential in the URL ends up in proxy logs and browser history: the hook refuses it outright.
const CREDENTIAL_IN_QUERY = new RegExp(`[?&](access_token|api_key|apikey|key|token)=|(${SECRET_PREFIX})_`, 'i');
const CREDENTIAL_NAME = /^(access_token|api_key|apikey|key|token)$/i;
const CREDENTIAL_PREFIX = new RegExp(`(${SECRET_PREFIX})_`, 'i');

/**
 * True when a request URL carries something that looks like a credential in its query string,
 * written plainly or %-encoded (`?note=%77oesk_…`, `?ke%79=…`). Each name and value is decoded on
 * its own, so an encoded `&` or `=` inside a value does not make a parameter of it.
 */
export function hasCredentialInQuery(url: string): boolean {
  if (!url.includes('?')) return false;
  if (CREDENTIAL_IN_QUERY.test(url)) return true;
  if (!url.includes('%')) return false;
  const mark = url.indexOf('?');
  if (CREDENTIAL_PREFIX.test(percentDecoded(url.slice(0, mark)))) return true;
  for (const pair of url.slice(mark + 1).split('&')) {
    const eq = pair.indexOf('=');
    const name = percentDecoded(eq === -1 ? pair : pair.slice(0, eq));
    if (CREDENTIAL_NAME.test(name) && eq !== -1) return true;
    if (CREDENTIAL_PREFIX.test(name)) return true;
    if (eq !== -1 && CREDENTIAL_PREFIX.test(percentDecoded(pair.slice(eq + 1)))) return true;
  }
  return false;
}

/**
 * `text` with its %-sequences decoded, for looking for secrets; never throws. In a run that is
 * not valid UTF-8 (`%FF`, a cut-off `%E0%A4`) each non-ASCII byte becomes U+FFFD and the ASCII
 * ones are decoded, so `%FF%77oesk_…` shows `�woesk_…`; a malformed sequence (`%ZZ`, `%4`) stays.
 */
export function percentDecoded(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
          const byte = parseInt(hex, 16);
          return byte < 0x80 ? String.fromCharCode(byte) : '\uFFFD';
        });
      }
    });
  }
}

export function redactSecrets(text: string): string {
  // Every shape above starts with "woes", "whsec" or "eyJ": most text (every access-log line)
  // holds none, and three substring searches cost a fraction of the regex's scan.
  if (!text.includes('woes') && !text.includes('whsec') && !text.includes('eyJ')) return text;
  return text.replace(SECRET_PATTERN, (match, prefix: string | undefined) =>
    prefix ? `${prefix}_[REDACTED]` : '[REDACTED_JWT]',
  );
}

/** Field names whose values are never logged or audited, whatever they hold. */
export const SECRET_FIELD_NAMES = [
  'password',
  'newPassword',
  'currentPassword',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'historySecret',
  'identitySecret',
  'identityToken',
  'userHash',
  'apiKey',
  'authorization',
  'cookie',
];
