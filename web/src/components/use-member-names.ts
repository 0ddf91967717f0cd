import { useEffect, useState } from 'react';
import { useSession } from '../session';

/** userId → display name for the current workspace, when the caller may list members. */
export function useMemberNames(): ReadonlyMap<string, string> {
  const session = useSession();
  const canRead = session.scopes.has('members.read');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!canRead) return;
    let cancelled = false;
    const { api } = session;
    api
      .call(() => api.http.GET('/api/v1/members', { params: { query: { limit: 100 } } }))
      .then((page) => {
        if (!cancelled) setNames(new Map(page.data.map((m) => [m.userId, m.name || m.email])));
      })
      // Names are a nicety: without them the ids are shown.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // The workspace id is a dependency on purpose: switching workspaces reloads the names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.api, session.workspace?.id, canRead]);
  return names;
}

/** "Olivia (usr_…)" style label for an actor of an audit event or a key's creator. */
export function actorLabel(
  actor: { type: string; id: string | null } | null,
  names: ReadonlyMap<string, string>,
  selfId?: string,
): string {
  if (!actor) return '—';
  if (actor.id === null) return actor.type === 'cli' ? 'the command line' : actor.type;
  if (actor.id === selfId) return 'you';
  if (actor.type === 'user') return names.get(actor.id) ?? actor.id;
  return actor.type === 'api_key' ? `key ${actor.id}` : `${actor.type} ${actor.id}`;
}
