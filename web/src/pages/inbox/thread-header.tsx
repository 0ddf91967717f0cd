import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { useAction } from '../../components/use-action';
import { useSession } from '../../session';
import { assigneeLabel, customerLabel, type Conversation } from './messages';

/** The fields the Inbox changes (the client checks them against the PATCH body's schema). */
type Patch = { status?: 'open' | 'closed'; assigneeId?: string | null };

/** Subject, customer, status and assignee, with the actions that change them. */
export function ThreadHeader({
  conversation,
  names,
  onChanged,
}: {
  conversation: Conversation;
  names: ReadonlyMap<string, string>;
  onChanged: (updated: Conversation) => void;
}) {
  const { api, user } = useSession();
  async function patch(body: Patch): Promise<void> {
    const updated = await api.call(() =>
      api.http.PATCH('/api/v1/conversations/{id}', { params: { path: { id: conversation.id } }, body }),
    );
    onChanged(updated);
  }
  // Two actions, so only the pressed button shows progress.
  const assign = useAction(patch);
  const status = useAction(patch);
  const mine = conversation.assigneeId !== null && conversation.assigneeId === user?.id;
  const closed = conversation.status === 'closed';
  const customer = conversation.customer;
  return (
    <header className="thread-header">
      <div className="row spread">
        <h2>{conversation.subject ?? 'No subject'}</h2>
        <span className={closed ? 'badge' : 'badge green'}>{conversation.status}</span>
      </div>
      <p className="muted wrap">
        {customerLabel(conversation)}
        {customer?.email && customer.email !== customerLabel(conversation) && <> · {customer.email}</>}
        {customer?.company && <> · {customer.company}</>}
      </p>
      <div className="row spread">
        <span>
          <span className="muted">Assignee:</span> {assigneeLabel(conversation.assigneeId, user?.id, names)}
        </span>
        <div className="row">
          {mine ? (
            <BusyButton
              type="button"
              className="secondary"
              busy={assign.busy}
              busyLabel="Saving…"
              onClick={() => void assign.run({ assigneeId: null })}
            >
              Unassign
            </BusyButton>
          ) : (
            <BusyButton
              type="button"
              className="secondary"
              busy={assign.busy}
              busyLabel="Saving…"
              onClick={() => void assign.run({ assigneeId: user?.id ?? null })}
            >
              Assign to me
            </BusyButton>
          )}
          {closed ? (
            <BusyButton
              type="button"
              className="secondary"
              busy={status.busy}
              busyLabel="Reopening…"
              onClick={() => void status.run({ status: 'open' })}
            >
              Reopen
            </BusyButton>
          ) : (
            <BusyButton
              type="button"
              className="secondary"
              busy={status.busy}
              busyLabel="Closing…"
              onClick={() => void status.run({ status: 'closed' })}
            >
              Close
            </BusyButton>
          )}
        </div>
      </div>
      <ErrorNotice message={assign.error ?? status.error} />
    </header>
  );
}
