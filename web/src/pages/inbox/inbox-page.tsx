/**
 * The Inbox: conversations by view (open / closed / mine), one conversation's thread, and the
 * agent's actions on it — all through /api/v1 with the session, kept current by polling.
 *
 * Stable handles for browser tests (Playwright roles and names):
 *   page            /app/inbox (views: ?view=open|closed|mine), /app/inbox/<conv_id>
 *   heading         getByRole('heading', { name: 'Inbox' })
 *   views           getByRole('navigation', { name: 'Inbox views' }).getByRole('link', { name: 'Open' | 'Closed' | 'Mine' })
 *   the list        getByRole('list', { name: 'Conversations' }); each item is a link whose name holds
 *                   the subject ("No subject" when none) and the customer's name, email or id
 *   the thread      getByRole('article', { name: 'Conversation' })
 *   messages        getByRole('list', { name: 'Messages' }); a note's item is named "Internal note by …"
 *   reply           getByLabel('Reply') (a textarea), getByRole('button', { name: 'Send' }),
 *                   getByRole('button', { name: 'Add note' })
 *   actions         getByRole('button', { name: 'Assign to me' | 'Unassign' | 'Close' | 'Reopen' })
 */
import { useMemberNames } from '../../components/use-member-names';
import { Link, useLocation } from '../../router';
import { ConversationList } from './conversation-list';
import { ConversationThread } from './conversation-thread';
import { useConversations, viewOf, VIEWS, type View } from './use-conversations';
import './inbox.css';

const LABELS: Record<View, string> = { open: 'Open', closed: 'Closed', mine: 'Mine' };

export function InboxPage() {
  const { path, query } = useLocation();
  const view = viewOf(query.get('view'));
  const selectedId = path.startsWith('/inbox/') ? path.slice('/inbox/'.length) : null;
  const list = useConversations(view);
  const names = useMemberNames();
  return (
    <section className="inbox">
      <h1>Inbox</h1>
      <nav aria-label="Inbox views" className="views">
        {VIEWS.map((v) => (
          <Link
            key={v}
            to={`/inbox${selectedId ? `/${selectedId}` : ''}?view=${v}`}
            aria-current={v === view ? 'page' : undefined}
          >
            {LABELS[v]}
          </Link>
        ))}
      </nav>
      <div className={selectedId ? 'inbox-grid has-thread' : 'inbox-grid'}>
        <div className="inbox-list">
          <ConversationList list={list} view={view} selectedId={selectedId} />
        </div>
        <div className="inbox-thread">
          {selectedId ? (
            <ConversationThread
              key={selectedId}
              id={selectedId}
              backTo={`/inbox?view=${view}`}
              names={names}
              // The list shows an action's effect now rather than at the next poll.
              onChanged={() => void list.refresh()}
            />
          ) : (
            <p className="empty panel">Choose a conversation to read it and reply.</p>
          )}
        </div>
      </div>
    </section>
  );
}
