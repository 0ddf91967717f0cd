import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';

type ApiKey = Schemas['ApiKey'];
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useSession } from '../../session';
import { actorLabel } from '../../components/use-member-names';

export type KeyAction = 'revoke' | 'roll' | 'usage';

function isExpired(key: ApiKey): boolean {
  return key.expiresAt !== null && new Date(key.expiresAt).getTime() <= Date.now();
}

/** One key: its facts, badges, inline rename and the row's actions (for those who may manage keys). */
export function KeyRow({
  apiKey,
  canManage,
  onChanged,
  onAction,
  names,
}: {
  apiKey: ApiKey;
  names: ReadonlyMap<string, string>;
  canManage: boolean;
  onChanged: (key: ApiKey) => void;
  onAction: (action: KeyAction, key: ApiKey) => void;
}) {
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(apiKey.name);
  const rename = useAction(async () => {
    const { api } = session;
    const updated = await api.call(() =>
      api.http.PATCH('/api/v1/keys/{id}', { params: { path: { id: apiKey.id } }, body: { name: name.trim() } }),
    );
    onChanged(updated);
    setEditing(false);
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void rename.run();
  }
  const enable = useAction(async () => {
    const { api } = session;
    onChanged(await api.call(() => api.http.POST('/api/v1/keys/{id}/enable', { params: { path: { id: apiKey.id } } })));
  });
  const revoked = apiKey.revokedAt !== null;
  const expired = isExpired(apiKey);
  const disabled = !revoked && !!apiKey.disabledAt;
  const live = !revoked && !expired && !disabled;
  const allowedIps = apiKey.allowedIps ?? [];
  return (
    <li className={live ? 'key' : 'key inactive'} aria-label={`Key ${apiKey.name}`}>
      <div className="row spread">
        {editing ? (
          <form className="row" onSubmit={submit}>
            <label>
              <span className="visually-hidden">New name for {apiKey.name}</span>
              <input required maxLength={100} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <BusyButton type="submit" busy={rename.busy} busyLabel="Saving…">
              Save
            </BusyButton>
            <button type="button" className="secondary" disabled={rename.busy} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <h3>
            {apiKey.name} {revoked && <span className="badge red">Revoked</span>}
            {!revoked && expired && <span className="badge red">Expired</span>}
            {disabled && (
              <span
                className="badge amber"
                title="Disabled by the workspace's idle-key policy; an admin can re-enable it"
              >
                Disabled
              </span>
            )}
            {live && apiKey.rolledTo && (
              <span className="badge amber" title="Replaced by a newer key; this one stops at its expiry">
                Rolled
              </span>
            )}
            {live && apiKey.stale && (
              <span className="badge amber" title="Not used for 90 days or more: consider revoking it">
                Stale
              </span>
            )}
          </h3>
        )}
        <code className="key-id">
          {apiKey.start}…{apiKey.last4}
        </code>
      </div>
      <ErrorNotice message={rename.error ?? enable.error} />
      <dl className="facts">
        <dt>Scopes</dt>
        <dd className="scopes-list">
          {apiKey.scopes.map((s) => (
            <code key={s}>{s}</code>
          ))}
        </dd>
        <dt>Allowed IPs</dt>
        <dd className="wrap">{allowedIps.length > 0 ? allowedIps.join(', ') : 'Any address'}</dd>
        <dt>Created</dt>
        <dd>
          <Time iso={apiKey.createdAt} /> by {actorLabel(apiKey.createdBy, names, session.user?.id)}
        </dd>
        <dt>Last used</dt>
        <dd>
          <Time iso={apiKey.lastUsedAt} empty="Never" />
        </dd>
        <dt>{revoked ? 'Revoked' : 'Expires'}</dt>
        <dd>{revoked ? <Time iso={apiKey.revokedAt} /> : <Time iso={apiKey.expiresAt} empty="Never" />}</dd>
      </dl>
      {canManage && (
        <div className="actions left">
          <button type="button" className="secondary" onClick={() => onAction('usage', apiKey)}>
            Usage<span className="visually-hidden"> of {apiKey.name}</span>
          </button>
          {disabled && (
            <BusyButton
              type="button"
              className="secondary"
              busy={enable.busy}
              busyLabel="Enabling…"
              onClick={() => void enable.run()}
            >
              Re-enable<span className="visually-hidden"> {apiKey.name}</span>
            </BusyButton>
          )}
          {live && !editing && (
            <>
              <button type="button" className="secondary" onClick={() => setEditing(true)}>
                Rename<span className="visually-hidden"> {apiKey.name}</span>
              </button>
              <button type="button" className="secondary" onClick={() => onAction('roll', apiKey)}>
                Roll<span className="visually-hidden"> {apiKey.name}</span>
              </button>
              <button type="button" className="danger" onClick={() => onAction('revoke', apiKey)}>
                Revoke<span className="visually-hidden"> {apiKey.name}</span>
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
