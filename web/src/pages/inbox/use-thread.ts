import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useSession } from '../../session';
import { mergeMessages, type Conversation, type Message } from './messages';
import { usePoll } from './use-poll';

const FIRST_PAGE = 50;
const NEWS_PAGE = 20;
/** A burst larger than this between two polls leaves the rest to "Load earlier messages". */
const MAX_NEWS_PAGES = 5;

export interface Thread {
  conversation: Conversation | null;
  /** Oldest first, as a person reads a chat. */
  messages: Message[];
  /** The newest message that arrived by polling (for the screen-reader status), or null. */
  arrival: Message | null;
  hasOlder: boolean;
  loading: boolean;
  error: string | null;
  loadOlder(): Promise<void>;
  /** Puts a changed conversation or a new message in place at once, then asks for anything else new. */
  update(changes: { conversation?: Conversation; message?: Message }): void;
}

/**
 * One conversation and its messages, kept current by polling. The API pages messages newest
 * first and only backwards, so a poll asks for the conversation (one small row) and fetches
 * messages only when its `messageCount` moved: then newest pages until one holds a message
 * already shown — in practice a single request with just the new messages on top.
 */
export function useThread(id: string | null): Thread {
  const { api } = useSession();
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [arrival, setArrival] = useState<Message | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What the last answers said, read by the poll without re-creating it on every render.
  // `ready` stays false until the first page is in, so a poll cannot announce old messages as new.
  const seen = useRef<{ id: string | null; ready: boolean; count: number; ids: Set<string> }>({
    id: null,
    ready: false,
    count: 0,
    ids: new Set(),
  });

  const fetchNews = useCallback(
    async (forId: string): Promise<void> => {
      const found: Message[] = [];
      let cursor: string | undefined;
      let reachedKnown = false;
      for (let page = 0; page < MAX_NEWS_PAGES; page++) {
        const answer = await api.call(() =>
          api.http.GET('/api/v1/conversations/{id}/messages', {
            params: { path: { id: forId }, query: { limit: NEWS_PAGE, cursor } },
          }),
        );
        found.push(...answer.data);
        reachedKnown = answer.nextCursor === null || answer.data.some((m) => seen.current.ids.has(m.id));
        cursor = answer.nextCursor ?? undefined;
        if (reachedKnown) break;
      }
      if (seen.current.id !== forId) return;
      // A gap between these and the messages shown: "Load earlier messages" continues from here and fills it.
      if (!reachedKnown) setOlderCursor(cursor ?? null);
      const fresh = found.filter((m) => !seen.current.ids.has(m.id));
      for (const m of fresh) seen.current.ids.add(m.id);
      if (fresh.length > 0) {
        setMessages((thread) => mergeMessages(thread, fresh));
        setArrival(mergeMessages([], fresh).at(-1) ?? null);
      }
    },
    [api],
  );

  const refresh = useCallback(async (): Promise<void> => {
    const forId = seen.current.id;
    if (forId === null || !seen.current.ready) return;
    const latest = await api.call(() =>
      api.http.GET('/api/v1/conversations/{id}', { params: { path: { id: forId } } }),
    );
    if (seen.current.id !== forId) return;
    setConversation(latest);
    if (latest.messageCount !== seen.current.count) {
      seen.current.count = latest.messageCount;
      await fetchNews(forId);
    }
  }, [api, fetchNews]);

  useEffect(() => {
    seen.current = { id, ready: false, count: 0, ids: new Set() };
    setConversation(null);
    setMessages([]);
    setOlderCursor(null);
    setArrival(null);
    setError(null);
    if (id === null) return;
    setLoading(true);
    Promise.all([
      api.call(() => api.http.GET('/api/v1/conversations/{id}', { params: { path: { id } } })),
      api.call(() =>
        api.http.GET('/api/v1/conversations/{id}/messages', { params: { path: { id }, query: { limit: FIRST_PAGE } } }),
      ),
    ])
      .then(([loaded, page]) => {
        if (seen.current.id !== id) return;
        // The count read with the conversation may lag the page: the next poll then fetches what is new.
        seen.current = { id, ready: true, count: loaded.messageCount, ids: new Set(page.data.map((m) => m.id)) };
        setConversation(loaded);
        setMessages(mergeMessages([], page.data));
        setOlderCursor(page.nextCursor);
      })
      .catch((caught: unknown) => {
        if (seen.current.id === id) setError(errorMessage(caught));
      })
      .finally(() => {
        if (seen.current.id === id) setLoading(false);
      });
  }, [api, id]);

  usePoll(refresh);

  const loadOlder = useCallback(async (): Promise<void> => {
    const forId = seen.current.id;
    if (forId === null || olderCursor === null) return;
    const page = await api.call(() =>
      api.http.GET('/api/v1/conversations/{id}/messages', {
        params: { path: { id: forId }, query: { limit: FIRST_PAGE, cursor: olderCursor } },
      }),
    );
    if (seen.current.id !== forId) return;
    for (const m of page.data) seen.current.ids.add(m.id);
    setMessages((thread) => mergeMessages(thread, page.data));
    setOlderCursor(page.nextCursor);
  }, [api, olderCursor]);

  const update = useCallback(
    (changes: { conversation?: Conversation; message?: Message }): void => {
      if (changes.conversation) setConversation(changes.conversation);
      const message = changes.message;
      if (message) {
        seen.current.ids.add(message.id);
        setMessages((thread) => mergeMessages(thread, [message]));
      }
      void refresh().catch(() => undefined);
    },
    [refresh],
  );

  return { conversation, messages, arrival, hasOlder: olderCursor !== null, loading, error, loadOlder, update };
}
