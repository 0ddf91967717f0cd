/**
 * Google and Microsoft sign-in through the OpenID Connect implicit flow for an ID token
 * only (response_type=id_token): no provider script on the page, so the CSP stays 'self'.
 * The ID token comes back in the URL fragment (never sent to a server) and is handed
 * to POST /auth/session, which verifies it against the provider's keys.
 */
export type Provider = 'google' | 'microsoft';
const STATE_KEY = 'woes.oidc';

const AUTHORIZE: Record<Provider, string> = {
  google: 'https://accounts.google.com/o/oauth2/v2/auth',
  microsoft: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
};

function random(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function startProviderSignIn(provider: Provider, clientId: string): void {
  const state = random();
  // The state ties the answer to this tab's request (no login CSRF).
  sessionStorage.setItem(STATE_KEY, JSON.stringify({ provider, state }));
  const params = new URLSearchParams({
    client_id: clientId,
    response_type: 'id_token',
    response_mode: 'fragment',
    scope: 'openid email profile',
    redirect_uri: `${window.location.origin}/app/auth/callback`,
    state,
    nonce: random(),
    prompt: 'select_account',
  });
  window.location.assign(`${AUTHORIZE[provider]}?${params}`);
}

/** Reads and clears the provider's answer; null when it does not match a request of this tab. */
export function takeProviderAnswer(): { provider: Provider; idToken: string } | { error: string } {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  history.replaceState(null, '', '/app/auth/callback');
  const saved = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  const expected = saved ? (JSON.parse(saved) as { provider: Provider; state: string }) : null;
  if (fragment.get('error')) return { error: fragment.get('error_description') ?? 'The sign-in was cancelled.' };
  const idToken = fragment.get('id_token');
  if (!expected || fragment.get('state') !== expected.state || !idToken) {
    return { error: 'This sign-in answer does not match a request from this browser tab. Start again.' };
  }
  return { provider: expected.provider, idToken };
}
