import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { useAction } from '../../components/use-action';
import { useSession } from '../../session';

export const ROLES = ['owner', 'admin', 'agent'] as const;
export type Role = (typeof ROLES)[number];
type Member = Schemas['Member'];

/** A value from the role picker, which offers only ROLES. */
export function roleOf(value: string): Role {
  return ROLES.find((r) => r === value) ?? 'agent';
}

function MemberItem({ member, canManage, onChanged }: { member: Member; canManage: boolean; onChanged: () => void }) {
  const session = useSession();
  const [confirming, setConfirming] = useState(false);
  const { api } = session;
  const params = { path: { userId: member.userId } };
  const changeRole = useAction(async (role: Role) => {
    await api.call(() => api.http.PATCH('/api/v1/members/{userId}', { params, body: { role } }));
    onChanged();
  });
  const remove = useAction(async () => {
    await api.call(() => api.http.DELETE('/api/v1/members/{userId}', { params }));
    onChanged();
  });
  const self = member.userId === session.user?.id;
  return (
    <li className="member">
      <div>
        <strong>{member.name || member.email}</strong> {self && <span className="badge">you</span>}
        <div className="muted">{member.email}</div>
      </div>
      {canManage && !self ? (
        <div className="row">
          <label>
            <span className="visually-hidden">Role of {member.name || member.email}</span>
            <select
              value={member.role}
              disabled={changeRole.busy}
              aria-busy={changeRole.busy || undefined}
              onChange={(e) => void changeRole.run(roleOf(e.target.value))}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          {confirming ? (
            <>
              <BusyButton
                type="button"
                className="danger"
                busy={remove.busy}
                busyLabel="Removing…"
                onClick={() => void remove.run()}
              >
                Remove {member.name || member.email}
              </BusyButton>
              <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={remove.busy}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Remove<span className="visually-hidden"> {member.name || member.email}</span>
            </button>
          )}
        </div>
      ) : (
        <span className="badge">{member.role}</span>
      )}
      <ErrorNotice message={changeRole.error ?? remove.error} />
    </li>
  );
}

export function MembersList({
  members,
  canManage,
  onChanged,
}: {
  members: Member[];
  canManage: boolean;
  onChanged: () => void;
}) {
  return (
    <ul className="members" aria-label="Members">
      {members.map((m) => (
        <MemberItem key={m.userId} member={m} canManage={canManage} onChanged={onChanged} />
      ))}
    </ul>
  );
}
