import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiClient, type SessionTokens, type User, type Workspace } from './api/client';

const WORKSPACE_KEY = 'woes.workspace';
/**
 * Set while this browser holds a session (not a secret: the refresh token stays in its HttpOnly
 * cookie). Without it a load does not ask /auth/refresh, which would only answer 401 and leave a
 * failed request in the console of every signed-out visitor.
 */
const SESSION_HINT_KEY = 'woes.signedIn';

export interface Session {
  api: ApiClient;
  /** 'loading' while a refresh cookie is traded for a token on first paint. */
  status: 'loading' | 'signed-out' | 'signed-in';
  user: User | null;
  workspace: Workspace | null;
  workspaces: Workspace[];
  scopes: ReadonlySet<string>;
  adopt(tokens: SessionTokens): Promise<void>;
  switchWorkspace(id: string): Promise<void>;
  reloadWorkspaces(): Promise<Workspace[]>;
  signOut(everywhere: boolean): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionProvider');
  return session;
}

/** True when the signed-in member's role grants the scope in the current workspace. */
export function useCan(scope: string): boolean {
  return useSession().scopes.has(scope);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useMemo(() => new ApiClient(), []);
  const [status, setStatus] = useState<Session['status']>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [workspaces, setWorkspaces] = useState<Workspace[]>([]);
  const [scopes, setScopes] = useState<ReadonlySet<string>>(new Set());

  const reloadWorkspaces = useCallback(async (): Promise<Workspace[]> => {
    const list = (await api.call(() => api.http.GET('/api/v1/workspaces', { params: { query: { limit: 100 } } }))).data;
    setWorkspaces(list);
    return list;
  }, [api]);

  const enterWorkspace = useCallback(
    async (chosen: Workspace | null): Promise<void> => {
      api.workspaceId = chosen?.id ?? null;
      setWorkspace(chosen);
      if (chosen === null) {
        setScopes(new Set());
        return;
      }
      // The workspace id is not a secret; remembering it lets a reload land in the same place.
      localStorage.setItem(WORKSPACE_KEY, chosen.id);
      const me = await api.call(() => api.http.GET('/api/v1/me'));
      setScopes(new Set(me.scopes));
    },
    [api],
  );

  const adopt = useCallback(
    async (tokens: SessionTokens): Promise<void> => {
      api.adopt(tokens);
      const me = tokens.user ? null : await api.call(() => api.http.GET('/api/v1/me'));
      setUser(tokens.user ?? me?.user ?? null);
      const list = await reloadWorkspaces();
      const remembered = localStorage.getItem(WORKSPACE_KEY);
      const chosen =
        list.find((w) => w.id === remembered) ?? list.find((w) => w.id === tokens.workspace?.id) ?? list[0] ?? null;
      await enterWorkspace(chosen);
      localStorage.setItem(SESSION_HINT_KEY, '1');
      setStatus('signed-in');
    },
    [api, reloadWorkspaces, enterWorkspace],
  );

  const switchWorkspace = useCallback(
    async (id: string): Promise<void> => {
      const list = workspaces.some((w) => w.id === id) ? workspaces : await reloadWorkspaces();
      await enterWorkspace(list.find((w) => w.id === id) ?? null);
    },
    [workspaces, reloadWorkspaces, enterWorkspace],
  );

  const signOut = useCallback(async (everywhere: boolean) => api.signOut(everywhere), [api]);

  useEffect(() => {
    const ended = () => {
      localStorage.removeItem(SESSION_HINT_KEY);
      setUser(null);
      setWorkspace(null);
      setWorkspaces([]);
      setScopes(new Set());
      setStatus('signed-out');
    };
    const unsubscribe = api.onSessionEnded(ended);
    // A reload keeps the session through the HttpOnly refresh cookie, never through storage.
    if (localStorage.getItem(SESSION_HINT_KEY) === null) {
      ended();
      return unsubscribe;
    }
    api
      .refresh()
      .then((tokens) => (tokens ? adopt(tokens) : ended()))
      .catch(ended);
    return unsubscribe;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const value: Session = {
    api,
    status,
    user,
    workspace,
    workspaces,
    scopes,
    adopt,
    switchWorkspace,
    reloadWorkspaces,
    signOut,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
