import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { Link } from '../../router';
import { customerLabel } from './messages';
import type { ConversationList as List, View } from './use-conversations';

const EMPTY: Record<View, string> = {
  open: 'No open conversations. New ones appear here by themselves.',
  closed: 'No closed conversations yet.',
  mine: 'Nothing is assigned to you. Open a conversation and choose “Assign to me”.',
};

/** The conversations of one view; each is a link whose name carries its subject and customer. */
export function ConversationList({ list, view, selectedId }: { list: List; view: View; selectedId: string | null }) {
  const more = useAction(list.loadMore);
  if (list.items === null) {
    return list.error ? (
      <ErrorNotice message={list.error} />
    ) : (
      <p role="status" className="muted">
        <span className="spinner" aria-hidden="true" /> Loading conversations…
      </p>
    );
  }
  return (
    <>
      <ErrorNotice message={list.error} />
      {list.items.length === 0 ? (
        <p className="empty">{EMPTY[view]}</p>
      ) : (
        <ul className="conversations" aria-label="Conversations">
          {list.items.map((c) => (
            <li key={c.id}>
              <Link to={`/inbox/${c.id}?view=${view}`} aria-current={c.id === selectedId ? 'page' : undefined}>
                <span className="conversation-line">
                  <strong className="subject">{c.subject ?? 'No subject'}</strong>
                  {c.status !== 'open' && <span className="badge">{c.status}</span>}
                </span>
                <span className="conversation-line muted">
                  <span className="customer">{customerLabel(c)}</span>
                  <Time iso={c.lastMessageAt ?? c.createdAt} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <ErrorNotice message={more.error} />
      {list.hasMore && (
        <BusyButton
          type="button"
          className="secondary"
          busy={more.busy}
          busyLabel="Loading…"
          onClick={() => void more.run()}
        >
          Load more conversations
        </BusyButton>
      )}
    </>
  );
}
