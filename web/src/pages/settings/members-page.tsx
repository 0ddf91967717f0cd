import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useCan, useSession } from '../../session';
import { MembersList } from './members-list';

type Invite = Schemas['Invite'];

function InviteItem({ invite, canManage, onChanged }: { invite: Invite; canManage: boolean; onChanged: () => void }) {
  const { api } = useSession();
  const cancel = useAction(async () => {
    await api.call(() => api.http.DELETE('/api/v1/invites/{id}', { params: { path: { id: invite.id } } }));
    onChanged();
  });
  return (
    <li className="member">
      <div>
        <strong>{invite.email}</strong> <span className="badge">{invite.role}</span>
        <div className="muted">
          Invited <Time iso={invite.createdAt} />
          {invite.expiresAt && (
            <>
              , expires <Time iso={invite.expiresAt} />
            </>
          )}
        </div>
      </div>
      {canManage && (
        <BusyButton
          type="button"
          className="secondary"
          busy={cancel.busy}
          busyLabel="Cancelling…"
          onClick={() => void cancel.run()}
        >
          Cancel invite<span className="visually-hidden"> for {invite.email}</span>
        </BusyButton>
      )}
      <ErrorNotice message={cancel.error} />
    </li>
  );
}

export function MembersPage() {
  const { api, workspace } = useSession();
  const canManage = useCan('members.write');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'admin' | 'agent'>('agent');
  const [sent, setSent] = useState<string | null>(null);
  const members = useLoader(
    async () => (await api.call(() => api.http.GET('/api/v1/members', { params: { query: { limit: 100 } } }))).data,
    [api, workspace?.id],
  );
  const invites = useLoader(
    async () =>
      canManage
        ? (await api.call(() => api.http.GET('/api/v1/invites', { params: { query: { limit: 100 } } }))).data
        : [],
    [api, workspace?.id, canManage],
  );
  const invite = useAction(async () => {
    await api.call(() => api.http.POST('/api/v1/invites', { body: { email: email.trim(), role } }));
    setSent(email.trim());
    setEmail('');
    await invites.reload();
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void invite.run();
  }
  return (
    <section>
      <h1>Members & invites</h1>
      <ErrorNotice message={members.error} />
      {members.data && (
        <MembersList members={members.data} canManage={canManage} onChanged={() => void members.reload()} />
      )}
      {canManage && (
        <>
          <h2>Invite a colleague</h2>
          <form className="filters" onSubmit={submit}>
            <label>
              Email
              <input required type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
            <label>
              Role
              <select value={role} onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'agent')}>
                <option value="agent">agent — answers conversations</option>
                <option value="admin">admin — manages the workspace</option>
              </select>
            </label>
            <BusyButton type="submit" busy={invite.busy} busyLabel="Inviting…">
              Send invite
            </BusyButton>
          </form>
          <ErrorNotice message={invite.error} />
          {sent && <p role="status">Invite sent to {sent}.</p>}
          <h2>Pending invites</h2>
          <ErrorNotice message={invites.error} />
          {invites.data && invites.data.length === 0 && <p className="empty">No pending invites.</p>}
          {invites.data && invites.data.length > 0 && (
            <ul className="members" aria-label="Pending invites">
              {invites.data.map((i) => (
                <InviteItem key={i.id} invite={i} canManage={canManage} onChanged={() => void invites.reload()} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
