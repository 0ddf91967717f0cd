import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { authHeader, portalHttp, unwrap, type PortalConversation, type PortalThread } from './portal-api';

/** The signed-in customer's conversations, one thread at a time, with a reply box. */
export function PortalConversations({
  token,
  onSignedOut,
  onError,
}: {
  token: string;
  onSignedOut: () => void;
  onError: (error: unknown) => void;
}) {
  const [list, setList] = useState<PortalConversation[] | null>(null);
  const [thread, setThread] = useState<PortalThread | null>(null);
  const [reply, setReply] = useState('');
  const headers = authHeader(token);

  useEffect(() => {
    portalHttp
      .GET('/api/v1/portal/conversations', { headers })
      .then((answer) => setList(unwrap(answer).data))
      .catch(onError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  const open = useCallback(
    (id: string) => {
      portalHttp
        .GET('/api/v1/portal/conversations/{id}', { params: { path: { id } }, headers })
        .then((answer) => setThread(unwrap(answer)))
        .catch(onError);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [token],
  );

  async function send(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!thread) return;
    try {
      unwrap(
        await portalHttp.POST('/api/v1/portal/conversations/{id}/messages', {
          params: { path: { id: thread.conversation.id } },
          body: { body: reply },
          headers,
        }),
      );
      setReply('');
      open(thread.conversation.id);
    } catch (error) {
      onError(error);
    }
  }

  async function signOut(): Promise<void> {
    await portalHttp.DELETE('/api/v1/portal/session', { headers }).catch(() => undefined);
    onSignedOut();
  }

  return (
    <section>
      <p>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>
      {thread ? (
        <>
          <p>
            <button type="button" className="secondary" onClick={() => setThread(null)}>
              ← All conversations
            </button>
          </p>
          <h1>{thread.conversation.subject ?? 'Conversation'}</h1>
          <ol className="portal-thread" aria-label="Messages">
            {thread.messages.map((m) => (
              <li key={m.id} className={`portal-message ${m.role}`}>
                <strong>{m.role === 'customer' ? 'You' : 'Support'}</strong>
                <p>{m.body}</p>
              </li>
            ))}
          </ol>
          <form onSubmit={(event) => void send(event)}>
            <label>
              Your reply
              <textarea required value={reply} onChange={(event) => setReply(event.target.value)} rows={4} />
            </label>
            <button type="submit" className="primary">
              Send reply
            </button>
          </form>
        </>
      ) : (
        <>
          <h1>Your conversations</h1>
          {list === null ? (
            <p role="status">Loading…</p>
          ) : list.length === 0 ? (
            <p>You have no conversations with us yet.</p>
          ) : (
            <ul className="portal-list" aria-label="Conversations">
              {list.map((c) => (
                <li key={c.id}>
                  <button type="button" className="link" onClick={() => open(c.id)}>
                    {c.subject ?? 'Conversation'}
                  </button>{' '}
                  <span className="muted">
                    {c.status} · {c.messageCount} messages
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
