import { useState, type FormEvent } from 'react';
import type { CreatedWidgetKey, Page, WidgetKey } from '../../api/types';
import { BusyButton } from '../../components/busy-button';
import { CopyButton } from '../../components/copy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useCan, useSession } from '../../session';

function WidgetKeyItem({ widgetKey, canManage, onRevoked }: { widgetKey: WidgetKey; canManage: boolean; onRevoked: () => void }) {
  const { api } = useSession();
  const [confirming, setConfirming] = useState(false);
  const revoke = useAction(async () => {
    await api.request('DELETE', `/widget-keys/${encodeURIComponent(widgetKey.id)}`);
    onRevoked();
  });
  return (
    <li className={widgetKey.revokedAt ? 'key inactive' : 'key'}>
      <div className="row spread">
        <h3>
          {widgetKey.name} {widgetKey.revokedAt && <span className="badge red">Revoked</span>}
        </h3>
        <code className="key-id">
          {widgetKey.start}…{widgetKey.last4}
        </code>
      </div>
      <dl className="facts">
        <dt>Allowed origins</dt>
        <dd className="wrap">{widgetKey.allowedOrigins.join(', ')}</dd>
        <dt>Created</dt>
        <dd>
          <Time iso={widgetKey.createdAt} />
        </dd>
      </dl>
      <ErrorNotice message={revoke.error} />
      {canManage && !widgetKey.revokedAt && (
        <div className="actions left">
          {confirming ? (
            <>
              <span>Revoke “{widgetKey.name}”? Widgets using it stop working.</span>
              <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={revoke.busy}>
                Cancel
              </button>
              <BusyButton type="button" className="danger" busy={revoke.busy} busyLabel="Revoking…" onClick={() => void revoke.run()}>
                Revoke {widgetKey.name}
              </BusyButton>
            </>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Revoke<span className="visually-hidden"> {widgetKey.name}</span>
            </button>
          )}
        </div>
      )}
    </li>
  );
}

export function WidgetKeysPage() {
  const { api, workspace } = useSession();
  const canManage = useCan('keys.write');
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [created, setCreated] = useState<CreatedWidgetKey | null>(null);
  const list = useLoader(async () => (await api.request<Page<WidgetKey>>('GET', '/widget-keys', { query: { limit: 100 } })).data, [
    api,
    workspace?.id,
  ]);
  const create = useAction(async () => {
    const allowedOrigins = origins.split(/[\s,]+/).filter(Boolean);
    setCreated(await api.request<CreatedWidgetKey>('POST', '/widget-keys', { body: { name: name.trim(), allowedOrigins } }));
    setName('');
    setOrigins('');
    await list.reload();
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void create.run();
  }
  return (
    <section>
      <h1>Widget keys</h1>
      <p className="muted">
        Public keys for the chat widget on your website. They work only from the origins you list and never reach the REST API.
      </p>
      {canManage && (
        <form onSubmit={submit} className="stack narrow panel">
          <h2>New widget key</h2>
          <label>
            Name
            <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Allowed origins
            <input
              required
              placeholder="https://www.example.com"
              aria-describedby="origins-hint"
              value={origins}
              onChange={(e) => setOrigins(e.target.value)}
            />
            <span className="hint" id="origins-hint">
              One or more origins, separated by spaces or commas.
            </span>
          </label>
          <ErrorNotice message={create.error} />
          <BusyButton type="submit" busy={create.busy} busyLabel="Creating…">
            Create widget key
          </BusyButton>
        </form>
      )}
      {created && (
        <div className="notice" role="status">
          <p>
            Widget key for “{created.name}” — put it in your widget snippet. It is public, but this is the only time the full
            value is shown here.
          </p>
          <label>
            Widget key
            <input className="secret" readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <CopyButton text={created.key} label="Copy widget key" />
        </div>
      )}
      <ErrorNotice message={list.error} />
      {list.data && list.data.length === 0 && <p className="empty">No widget keys yet.</p>}
      {list.data && list.data.length > 0 && (
        <ul className="keys" aria-label="Widget keys">
          {list.data.map((k) => (
            <WidgetKeyItem key={k.id} widgetKey={k} canManage={canManage} onRevoked={() => void list.reload()} />
          ))}
        </ul>
      )}
    </section>
  );
}
