import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useSession } from '../../session';
import type { Conversation } from './messages';
import { usePoll } from './use-poll';

export const VIEWS = ['open', 'closed', 'mine'] as const;
export type View = (typeof VIEWS)[number];
const PAGE = 50;

export function viewOf(value: string | null): View {
  return VIEWS.find((v) => v === value) ?? 'open';
}

/** The list query of a view: "mine" is every conversation assigned to the signed-in member, whatever its status. */
function queryOf(view: View, selfId: string | undefined): { status?: 'open' | 'closed'; assigneeId?: string } {
  if (view === 'mine') return { assigneeId: selfId };
  return { status: view };
}

export interface ConversationList {
  items: Conversation[] | null;
  error: string | null;
  hasMore: boolean;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
}

/** One view of the inbox, newest first; the first page is polled so new conversations appear. */
export function useConversations(view: View): ConversationList {
  const { api, user } = useSession();
  const selfId = user?.id;
  const [first, setFirst] = useState<Conversation[] | null>(null);
  const [older, setOlder] = useState<Conversation[]>([]);
  const [firstCursor, setFirstCursor] = useState<string | null>(null);
  // undefined until "Load more" is used; then where the loaded pages end.
  const [olderCursor, setOlderCursor] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // Answers for a view the person has already left are dropped.
  const current = useRef(view);

  const refresh = useCallback(async (): Promise<void> => {
    const forView = view;
    try {
      const page = await api.call(() =>
        api.http.GET('/api/v1/conversations', { params: { query: { ...queryOf(forView, selfId), limit: PAGE } } }),
      );
      if (current.current !== forView) return;
      setFirst(page.data);
      setFirstCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      if (current.current === forView) setError(errorMessage(caught));
    }
  }, [api, view, selfId]);

  useEffect(() => {
    current.current = view;
    setFirst(null);
    setOlder([]);
    setFirstCursor(null);
    setOlderCursor(undefined);
    void refresh();
  }, [view, refresh]);

  usePoll(refresh);

  // Pages loaded with "Load more" stay as they were; only the first page is polled.
  const cursor = olderCursor === undefined ? firstCursor : olderCursor;
  const loadMore = useCallback(async (): Promise<void> => {
    if (cursor === null) return;
    const page = await api.call(() =>
      api.http.GET('/api/v1/conversations', { params: { query: { ...queryOf(view, selfId), limit: PAGE, cursor } } }),
    );
    setOlder((held) => [...held, ...page.data]);
    setOlderCursor(page.nextCursor);
  }, [api, view, selfId, cursor]);

  const firstIds = new Set((first ?? []).map((c) => c.id));
  const items = first === null ? null : [...first, ...older.filter((c) => !firstIds.has(c.id))];
  // The first page's cursor moves as conversations arrive, so a page may overlap the older ones.
  const unique = items && [...new Map(items.map((c) => [c.id, c])).values()];
  return { items: unique, error, hasMore: cursor !== null, loadMore, refresh };
}
