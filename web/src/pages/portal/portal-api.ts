import createClient from 'openapi-fetch';
import type { components, paths } from '../../api/schema';

export type PortalConversation = components['schemas']['PortalConversation'];
export type PortalThread = components['schemas']['PortalThread'];

/** The portal's own client: a `woesps_` session in Authorization, nothing shared with the agent app. */
export const portalHttp = createClient<paths>({ credentials: 'same-origin' });

export class PortalSignedOut extends Error {}

const storageKey = (workspaceId: string) => `woes.portal.${workspaceId}`;

/**
 * The session token arrives in the URL fragment after Continue (never sent to a server); it is
 * moved to sessionStorage (this tab only, gone when it closes) and the fragment is cleared.
 */
export function takeSession(workspaceId: string): string | null {
  const match = /^#session=(woesps_[A-Za-z0-9]+)$/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(storageKey(workspaceId), match[1]);
    history.replaceState(null, '', window.location.pathname);
  }
  return sessionStorage.getItem(storageKey(workspaceId));
}

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
