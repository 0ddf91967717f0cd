import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { useAction } from '../../components/use-action';
import { useSession } from '../../session';
import type { Message } from './messages';

type Kind = 'agent' | 'note';

/** One text box, two ways out: "Send" replies to the customer, "Add note" keeps it inside the team. */
export function Composer({
  conversationId,
  onPosted,
}: {
  conversationId: string;
  onPosted: (message: Message) => void;
}) {
  const { api } = useSession();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState<Kind | null>(null);
  const post = useAction(async (role: Kind) => {
    setSending(role);
    try {
      const created = await api.call(() =>
        api.http.POST('/api/v1/conversations/{id}/messages', {
          params: { path: { id: conversationId } },
          body: { role, body: body.trim() },
        }),
      );
      setBody('');
      onPosted(created);
    } finally {
      setSending(null);
    }
  });
  const empty = body.trim() === '';

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!empty) void post.run('agent');
  }
  function shortcut(event: KeyboardEvent<HTMLTextAreaElement>): void {
    // Ctrl/⌘+Enter sends; a plain Enter stays a new line, as in an email.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  }
  return (
    <form className="composer" onSubmit={submit}>
      <label>
        Reply
        <textarea
          rows={3}
          value={body}
          maxLength={65536}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={shortcut}
        />
      </label>
      <ErrorNotice message={post.error} />
      <div className="row spread">
        <span className="hint">Ctrl+Enter sends. Notes stay inside your team.</span>
        <div className="row">
          <BusyButton
            type="button"
            className="secondary note-button"
            busy={sending === 'note'}
            busyLabel="Adding…"
            disabled={empty || post.busy}
            onClick={() => void post.run('note')}
          >
            Add note
          </BusyButton>
          <BusyButton type="submit" busy={sending === 'agent'} busyLabel="Sending…" disabled={empty || post.busy}>
            Send
          </BusyButton>
        </div>
      </div>
    </form>
  );
}
