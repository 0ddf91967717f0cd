/**
 * The only way the app talks to Woes: the public REST API under /api/v1 with a session
 * token held in memory. The refresh token lives in an HttpOnly cookie the server sets
 * (Path=/api/v1/auth, SameSite=Strict), so script on the page can never read it.
 */
export interface ErrorBody {
  code: string;
  error: string;
  requestId?: string;
  details?: { path: string; message: string }[];
  requiredScopes?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.error);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.body.code;
  }
}

/**
 * A people-readable sentence for any failure: the API's `error`, or a network hint. The
 * sentence is complete on its own (the server names the field in it); `details` are for
 * programs, and appending them repeated the sentence in other words.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.body.error;
  if (error instanceof TypeError) return 'Woes could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The server's own schemas, generated from its OpenAPI document (web/src/api/schema.d.ts). */
export type Schemas = components['schemas'];
/** The signed-in user as the app shows it (sign-in answers more, /me exactly this). */
export type User = Pick<Schemas['User'], 'id' | 'email' | 'name'>;
export type Workspace = Schemas['Workspace'];
/** Sign-in answers these in full; a refresh answers the tokens only. */
export type SessionTokens = Schemas['RefreshResult'] & Partial<Pick<Schemas['SessionResult'], 'user' | 'workspace'>>;

type Listener = () => void;
type Answer = { data?: unknown; error?: unknown; response: Response };

export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<SessionTokens | null> | null = null;
  private listeners = new Set<Listener>();
  workspaceId: string | null = null;
  /** The typed client: every path, parameter and body is checked against the server's document. */
  readonly http = createClient<paths>({ credentials: 'same-origin' });

  constructor() {
    this.http.use({
      onRequest: ({ request, schemaPath }) => {
        if (this.accessToken) request.headers.set('authorization', `Bearer ${this.accessToken}`);
        // The session names its workspace on every call but the account-level ones.
        const accountLevel = schemaPath.startsWith('/api/v1/auth/') || schemaPath === '/api/v1/workspaces';
        if (this.workspaceId && !accountLevel && !request.headers.has('x-workspace-id'))
          request.headers.set('x-workspace-id', this.workspaceId);
        return request;
      },
    });
  }

  /** Called when the session ends (sign-out, refresh refused) so the app shows sign-in. */
  onSessionEnded(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get signedIn(): boolean {
    return this.accessToken !== null;
  }

  adopt(tokens: SessionTokens): void {
    this.accessToken = tokens.accessToken;
    if (tokens.workspace) this.workspaceId = tokens.workspace.id;
  }

  forget(): void {
    this.accessToken = null;
    this.workspaceId = null;
  }

  async signIn(email: string, password: string, workspaceId?: string): Promise<SessionTokens> {
    const tokens = await this.call(() =>
      this.http.POST('/api/v1/auth/session', {
        body: { provider: 'local', email, password, ...(workspaceId ? { workspaceId } : {}) },
      }),
    );
    this.adopt(tokens);
    return tokens;
  }

  async signInWithIdToken(provider: 'google' | 'microsoft', idToken: string): Promise<SessionTokens> {
    const tokens = await this.call(() => this.http.POST('/api/v1/auth/session', { body: { provider, idToken } }));
    this.adopt(tokens);
    return tokens;
  }

  /** Trades the HttpOnly refresh cookie for a new access token; null when there is no live session. */
  refresh(): Promise<SessionTokens | null> {
    // One refresh at a time: refresh tokens rotate, and a second use of an old one ends the session.
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<SessionTokens | null> {
    const { data } = await this.http.POST('/api/v1/auth/refresh', { body: {} });
    if (data === undefined) {
      this.accessToken = null;
      return null;
    }
    this.accessToken = data.accessToken;
    return data;
  }

  async signOut(everywhere: boolean): Promise<void> {
    try {
      if (everywhere) await this.call(() => this.http.DELETE('/api/v1/auth/sessions'));
      else await this.call(() => this.http.DELETE('/api/v1/auth/session', { body: {} }));
    } finally {
      this.forget();
      for (const listener of this.listeners) listener();
    }
  }

  /**
   * Sends a typed request and answers its data, or throws ApiError with the server's error body.
   * An expired access token is refreshed once and the request sent again; otherwise the session is over.
   */
  async call<A extends Answer>(send: () => Promise<A>): Promise<Exclude<A['data'], undefined>> {
    let answer = await send();
    if (answer.response.status === 401 && this.accessToken !== null && !refusesCredentialsItself(answer.response.url)) {
      const renewed = await this.refresh();
      if (renewed !== null) answer = await send();
      else for (const listener of this.listeners) listener();
    }
    if (answer.error !== undefined || !answer.response.ok)
      throw new ApiError(answer.response.status, errorBodyOf(answer.error, answer.response.status));
    return answer.data as Exclude<A['data'], undefined>;
  }
}

/** A 401 from these is about the password sent, not about the session: no refresh, no sign-out. */
function refusesCredentialsItself(url: string): boolean {
  return url.includes('/auth/session') || url.includes('/auth/verify-email');
}

function errorBodyOf(error: unknown, status: number): ErrorBody {
  if (typeof error === 'object' && error !== null && 'error' in error && 'code' in error) return error as ErrorBody;
  // A proxy or a crashed process may answer without Woes's error body.
  return { code: 'internal_error', error: `Woes answered ${status} without an explanation. Try again.` };
}
