import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';

type WidgetKey = Schemas['WidgetKey'];
import { BusyButton } from '../../components/busy-button';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorNotice } from '../../components/error-notice';
import { SecretField } from '../../components/secret-field';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useCan, useSession } from '../../session';
import { WidgetIdentitySettings } from './widget-identity';

/** The demo page for a key; the full key is shown only once, so the admin pastes it when it is not at hand. */
const demoURL = (key: string) => `/widget-demo?key=${encodeURIComponent(key)}`;

function OpenDemo({ widgetKey }: { widgetKey: WidgetKey }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Open demo<span className="visually-hidden"> for {widgetKey.name}</span>
      </button>
    );
  }
  const fits = value.startsWith(widgetKey.start) && value.endsWith(widgetKey.last4);
  return (
    <span className="row">
      <label>
        Paste the key ({widgetKey.start}…{widgetKey.last4})
        <input value={value} onChange={(e) => setValue(e.target.value.trim())} />
      </label>
      {fits && (
        <a href={demoURL(value)} target="_blank" rel="noopener noreferrer">
          Open demo
        </a>
      )}
    </span>
  );
}

function WidgetKeyItem({
  widgetKey,
  canManage,
  onRevoked,
}: {
  widgetKey: WidgetKey;
  canManage: boolean;
  onRevoked: () => void;
}) {
  const { api } = useSession();
  const revoke = useAction(async () => {
    await api.call(() => api.http.DELETE('/api/v1/widget-keys/{id}', { params: { path: { id: widgetKey.id } } }));
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
        <dd className="wrap">{widgetKey.allowedOrigins.join(', ') || '—'}</dd>
        <dt>Mobile apps</dt>
        <dd>{widgetKey.mobile ? 'Yes — no Origin needed; identity verification required' : 'No'}</dd>
        <dt>Created</dt>
        <dd>
          <Time iso={widgetKey.createdAt} />
        </dd>
      </dl>
      <ErrorNotice message={revoke.error} />
      {!widgetKey.revokedAt && (
        <div className="actions left">
          <OpenDemo widgetKey={widgetKey} />
        </div>
      )}
      {canManage && !widgetKey.revokedAt && (
        <div className="actions left">
          <ConfirmButton
            verb="Revoke"
            name={widgetKey.name}
            question={`Revoke “${widgetKey.name}”? Widgets using it stop working.`}
            busy={revoke.busy}
            busyLabel="Revoking…"
            onConfirm={() => void revoke.run()}
          />
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
  const [mobile, setMobile] = useState(false);
  const [created, setCreated] = useState<Schemas['WidgetKeyWithKey'] | null>(null);
  const list = useLoader(
    async () => (await api.call(() => api.http.GET('/api/v1/widget-keys', { params: { query: { limit: 100 } } }))).data,
    [api, workspace?.id],
  );
  const create = useAction(async () => {
    const allowedOrigins = origins.split(/[\s,]+/).filter(Boolean);
    setCreated(
      await api.call(() =>
        api.http.POST('/api/v1/widget-keys', { body: { name: name.trim(), allowedOrigins, mobile } }),
      ),
    );
    setName('');
    setOrigins('');
    setMobile(false);
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
        Public keys for the chat widget on your website. They work only from the origins you list and never reach the
        REST API.
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
              required={!mobile}
              placeholder="https://www.example.com"
              aria-describedby="origins-hint"
              value={origins}
              onChange={(e) => setOrigins(e.target.value)}
            />
            <span className="hint" id="origins-hint">
              One or more origins, separated by spaces or commas. The origin check stops casual embedding; it is not
              authentication.
            </span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={mobile} onChange={(e) => setMobile(e.target.checked)} />
            For mobile apps (no Origin header; requires identity verification)
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
            Widget key for “{created.name}” — put it in your widget snippet. It is public, but this is the only time the
            full value is shown here.
          </p>
          <SecretField label="Widget key" value={created.key} copyLabel="Copy widget key">
            <a href={demoURL(created.key)} target="_blank" rel="noopener noreferrer">
              Open demo
            </a>
          </SecretField>
        </div>
      )}
      <WidgetIdentitySettings />
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
