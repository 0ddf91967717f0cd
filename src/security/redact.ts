/**
 * The last line of defence against a secret reaching a log line or an audit event: anything
 * shaped like a credential Woes issues (or a JWT) is replaced by its prefix and a marker.
 */
const SECRET_PATTERN =
  /\b(woesk|woespk|woescs|woesis|woespl|woesps|whsec|woesrt|woesvt)_[A-Za-z0-9+/=_-]{8,}|\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g;

// A credential in the URL ends up in proxy logs and browser history: the hook refuses it outright.
const CREDENTIAL_IN_QUERY = /[?&](access_token|api_key|apikey|key|token)=|woes(k|cs)_/i;

/** True when a request URL carries something that looks like a credential in its query string. */
export function hasCredentialInQuery(url: string): boolean {
  return url.includes('?') && CREDENTIAL_IN_QUERY.test(url);
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
