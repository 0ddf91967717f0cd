import createClient from 'openapi-fetch';
import type { components, paths } from '../../api/schema';

export type PortalConversation = components['schemas']['PortalConversation'];
export type PortalThread = components['schemas']['PortalThread'];

/** The portal's own client: a `woesps_` session in Authorization, nothing shared with the agent app. */
export const portalHttp = createClient<paths>({ credentials: 'same-origin' });

export class PortalSignedOut extends Error {}

const storageKey = (workspaceId: string) => `woes.portal.${workspaceId}`;

/** The session this tab already holds (sessionStorage: this tab only, gone when it closes). */
export function storedSession(workspaceId: string): string | null {
  return sessionStorage.getItem(storageKey(workspaceId));
}

/**
 * The session token the Continue page hands over in the URL fragment (never sent to a server),
 * removed from the address bar at once. Null when the URL carries none.
 */
export function takeFragmentSession(): string | null {
  const match = /^#session=(woesps_[A-Za-z0-9]+)$/.exec(window.location.hash);
  if (!match) return null;
  history.replaceState(null, '', window.location.pathname);
  fromFragment = match[1];
  return fromFragment;
}
// Read once per page load: a second render (React's StrictMode) finds the address bar cleared.
let fromFragment: string | null = null;
export const handedOverSession = (): string | null => takeFragmentSession() ?? fromFragment;

export const NOT_THIS_BROWSER =
  'This sign-in link was not opened in this browser, so you were not signed in. Open the link from your email here, or ask for a new one.';

/**
 * Keeps a fragment's session only if this browser pressed Continue for it: the claim endpoint
 * answers 204 only with the short-lived cookie the Continue POST set for that very session.
 * Anyone can put a `#session=` in a link; only the Continue page can set the cookie.
 */
export function claimSession(workspaceId: string, token: string): Promise<boolean> {
  // One request per token: the cookie is cleared by the first claim.
  let claim = claims.get(token);
  if (claim === undefined) {
    claim = portalHttp.POST('/api/v1/portal/session/claim', { headers: authHeader(token) }).then((answer) => {
      if (answer.response.status !== 204) return false;
      sessionStorage.setItem(storageKey(workspaceId), token);
      return true;
    });
    claims.set(token, claim);
  }
  return claim;
}
const claims = new Map<string, Promise<boolean>>();

export function forgetSession(workspaceId: string): void {
  sessionStorage.removeItem(storageKey(workspaceId));
}

export function authHeader(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** The data of an answer, or the error sentence; a 401 means the session is over. */
export function unwrap<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.response.status === 401)
    throw new PortalSignedOut('Your portal session has ended; ask for a new sign-in link.');
  if (answer.error !== undefined || answer.data === undefined) {
    const body = answer.error as { error?: string } | undefined;
    throw new Error(body?.error ?? 'Something went wrong.');
  }
  return answer.data;
}
