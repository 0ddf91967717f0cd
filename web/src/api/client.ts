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

/** A people-readable sentence for any failure: the API's `error`, or a network hint. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const detail = error.body.details?.[0]?.message;
    return detail && !error.body.error.includes(detail) ? `${error.body.error} (${detail})` : error.body.error;
  }
  if (error instanceof TypeError) return 'Woes could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
  tokenType: string;
  /** Present on sign-in; a refresh answers the tokens only. */
  user?: User;
  workspace?: Workspace | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  emailVerified?: boolean;
}

export interface Workspace {
  id: string;
  name: string;
  role?: string;
  plan?: string;
}

type Listener = () => void;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** Sends x-workspace-id (the default for every call but /auth and /workspaces). */
  workspace?: boolean;
}

const API = '/api/v1';

export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<SessionTokens | null> | null = null;
  private listeners = new Set<Listener>();
  workspaceId: string | null = null;

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
    const tokens = await this.request<SessionTokens>('POST', '/auth/session', {
      body: { provider: 'local', email, password, ...(workspaceId ? { workspaceId } : {}) },
      workspace: false,
    });
    this.adopt(tokens);
    return tokens;
  }

  async signInWithIdToken(provider: 'google' | 'microsoft', idToken: string): Promise<SessionTokens> {
    const tokens = await this.request<SessionTokens>('POST', '/auth/session', { body: { provider, idToken }, workspace: false });
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
    const response = await fetch(`${API}/auth/refresh`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (!response.ok) {
      this.accessToken = null;
      return null;
    }
    const tokens = (await response.json()) as SessionTokens;
    this.accessToken = tokens.accessToken;
    if (this.workspaceId === null && tokens.workspace) this.workspaceId = tokens.workspace.id;
    return tokens;
  }

  async signOut(everywhere: boolean): Promise<void> {
    try {
      await this.request('DELETE', everywhere ? '/auth/sessions' : '/auth/session', { workspace: false });
    } finally {
      this.forget();
      for (const listener of this.listeners) listener();
    }
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 401 && this.accessToken !== null && !path.startsWith('/auth/session')) {
      // An expired access token: refresh once and retry; otherwise the session is over.
      const renewed = await this.refresh();
      if (renewed !== null) return this.parse<T>(await this.send(method, path, options));
      for (const listener of this.listeners) listener();
    }
    return this.parse<T>(response);
  }

  private send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    if (options.workspace !== false && this.workspaceId) headers['x-workspace-id'] = this.workspaceId;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
    }
    const url = `${API}${path}${query.size > 0 ? `?${query}` : ''}`;
    return fetch(url, { method, headers, body, credentials: 'same-origin' });
  }

  private async parse<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const body =
        json && typeof json === 'object' && 'error' in json
          ? (json as ErrorBody)
          : { code: 'internal_error', error: `Woes answered ${response.status} without an explanation. Try again.` };
      throw new ApiError(response.status, body);
    }
    return json as T;
  }
}
