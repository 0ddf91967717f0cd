import { useEffect, useRef } from 'react';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { useAction } from '../../components/use-action';
import { Link } from '../../router';
import { useSession } from '../../session';
import { Composer } from './composer';
import { MessageItem } from './message-item';
import { authorOf, type Conversation } from './messages';
import { ThreadHeader } from './thread-header';
import { useThread } from './use-thread';

/** One conversation: its header and actions, its messages (kept current by polling), the reply box. */
export function ConversationThread({
  id,
  backTo,
  names,
  onChanged,
}: {
  id: string;
  backTo: string;
  names: ReadonlyMap<string, string>;
  onChanged: (updated: Conversation) => void;
}) {
  const { user } = useSession();
  const thread = useThread(id);
  const older = useAction(thread.loadOlder);
  const scroller = useRef<HTMLDivElement>(null);
  const last = thread.messages.at(-1)?.id;
  // Follow the conversation to its newest message, as a chat does.
  useEffect(() => {
    const box = scroller.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [last]);

  const conversation = thread.conversation;
  const context = { selfId: user?.id, names };
  return (
    <article className="thread" aria-label="Conversation">
      <Link to={backTo} className="back">
        ← All conversations
      </Link>
      <ErrorNotice message={thread.error} />
      {!conversation && thread.loading && (
        <p role="status" className="muted">
          <span className="spinner" aria-hidden="true" /> Loading the conversation…
        </p>
      )}
      {conversation && (
        <>
          <ThreadHeader
            conversation={conversation}
            names={names}
            onChanged={(updated) => {
              thread.update({ conversation: updated });
              onChanged(updated);
            }}
          />
          <div className="message-scroll" ref={scroller}>
            {thread.hasOlder && (
              <BusyButton
                type="button"
                className="link"
                busy={older.busy}
                busyLabel="Loading…"
                onClick={() => void older.run()}
              >
                Load earlier messages
              </BusyButton>
            )}
            <ErrorNotice message={older.error} />
            {thread.messages.length === 0 ? (
              <p className="empty">No messages yet.</p>
            ) : (
              <ol className="messages" aria-label="Messages">
                {thread.messages.map((m) => (
                  <MessageItem key={m.id} message={m} author={authorOf(m, conversation, context)} />
                ))}
              </ol>
            )}
          </div>
          <p role="status" className="visually-hidden">
            {thread.arrival ? `New message from ${authorOf(thread.arrival, conversation, context)}` : ''}
          </p>
          <Composer conversationId={conversation.id} onPosted={(message) => thread.update({ message })} />
        </>
      )}
    </article>
  );
}
