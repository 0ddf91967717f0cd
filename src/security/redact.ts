/**
 * The last line of defence against a secret reaching a log line or an audit event: anything
 * shaped like a credential Woes issues (or a JWT) is replaced by its prefix and a marker.
 */
const SECRET_PATTERN =
  /\b(woesk|woespk|woescs|whsec|woesrt|woesvt)_[A-Za-z0-9+/=_-]{8,}|\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g;

export function redactSecrets(text: string): string {
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
  'apiKey',
  'authorization',
  'cookie',
];
