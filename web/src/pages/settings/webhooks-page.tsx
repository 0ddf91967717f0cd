import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { BusyButton } from '../../components/busy-button';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorNotice } from '../../components/error-notice';
import { SecretField } from '../../components/secret-field';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useCan, useSession } from '../../session';
import { WEBHOOK_EVENT_TYPES } from '../../../../src/events/webhook-events';
import { WebhookDeliveries } from './webhook-deliveries';

type Endpoint = Schemas['WebhookEndpoint'];
type Revealed = { url: string; secret: string; rotated: boolean };

/** The secret of a new or rotated endpoint: shown here once, never again. */
function SecretNotice({ revealed }: { revealed: Revealed }) {
  return (
    <div className="notice" role="status">
      <p>
        {revealed.rotated
          ? `New signing secret for ${revealed.url}. The previous secret keeps signing for 24 hours.`
          : `Signing secret for ${revealed.url}.`}{' '}
        Copy it now: it is not shown again.
      </p>
      <SecretField label="Signing secret" value={revealed.secret} copyLabel="Copy signing secret" />
    </div>
  );
}

function EndpointItem({
  endpoint,
  canManage,
  onChanged,
  onSecret,
}: {
  endpoint: Endpoint;
  canManage: boolean;
  onChanged: () => void;
  onSecret: (r: Revealed) => void;
}) {
  const { api } = useSession();
  const path = { params: { path: { id: endpoint.id } } };
  const [version, setVersion] = useState(0);
  const [tested, setTested] = useState<Schemas['WebhookDeliveryWithAttempts'] | null>(null);
  const test = useAction(async () => {
    setTested(await api.call(() => api.http.POST('/api/v1/webhooks/{id}/test', path)));
    setVersion((v) => v + 1);
  });
  const rotate = useAction(async () => {
    const rotated = await api.call(() => api.http.POST('/api/v1/webhooks/{id}/rotate-secret', path));
    onSecret({ url: rotated.url, secret: rotated.secret, rotated: true });
    onChanged();
  });
  const setStatus = useAction(async (status: 'enabled' | 'disabled') => {
    await api.call(() => api.http.PATCH('/api/v1/webhooks/{id}', { ...path, body: { status } }));
    onChanged();
  });
  const remove = useAction(async () => {
    await api.call(() => api.http.DELETE('/api/v1/webhooks/{id}', path));
    onChanged();
  });
  const enabled = endpoint.status === 'enabled';
  const error = test.error ?? rotate.error ?? setStatus.error ?? remove.error;
  return (
    <li className={enabled ? 'key' : 'key inactive'}>
      <div className="row spread">
        <h3 className="wrap">
          {endpoint.url}{' '}
          {!enabled && (
            <span className="badge red">Disabled{endpoint.disabledReason && `: ${endpoint.disabledReason}`}</span>
          )}
        </h3>
      </div>
      <dl className="facts">
        <dt>Events</dt>
        <dd className="wrap">{endpoint.events.join(', ')}</dd>
        {endpoint.description && (
          <>
            <dt>Description</dt>
            <dd>{endpoint.description}</dd>
          </>
        )}
        {endpoint.previousSecretExpiresAt && (
          <>
            <dt>Previous secret</dt>
            <dd>
              signs until <Time iso={endpoint.previousSecretExpiresAt} />
            </dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <Time iso={endpoint.createdAt} />
        </dd>
      </dl>
      {tested && (
        <p role="status">
          Test ping: {tested.status}
          {tested.lastResponseStatus !== null ? ` (HTTP ${tested.lastResponseStatus})` : ''}
          {tested.lastError ? ` — ${tested.lastError}` : ''}
        </p>
      )}
      <ErrorNotice message={error} />
      {canManage && (
        <div className="actions left">
          <BusyButton
            type="button"
            className="secondary"
            busy={test.busy}
            busyLabel="Sending…"
            onClick={() => void test.run()}
          >
            Send test<span className="visually-hidden"> to {endpoint.url}</span>
          </BusyButton>
          <BusyButton
            type="button"
            className="secondary"
            busy={rotate.busy}
            busyLabel="Rotating…"
            onClick={() => void rotate.run()}
          >
            Rotate secret<span className="visually-hidden"> of {endpoint.url}</span>
          </BusyButton>
          <BusyButton
            type="button"
            className="secondary"
            busy={setStatus.busy}
            busyLabel="Saving…"
            onClick={() => void setStatus.run(enabled ? 'disabled' : 'enabled')}
          >
            {enabled ? 'Disable' : 'Enable'}
            <span className="visually-hidden"> {endpoint.url}</span>
          </BusyButton>
          <ConfirmButton
            verb="Delete"
            name={endpoint.url}
            question="Delete this endpoint? Its deliveries are deleted too."
            busy={remove.busy}
            busyLabel="Deleting…"
            onConfirm={() => void remove.run()}
          />
        </div>
      )}
      <WebhookDeliveries endpointId={endpoint.id} canManage={canManage} version={version} />
    </li>
  );
}

export function WebhooksPage() {
  const { api, workspace } = useSession();
  const canManage = useCan('webhooks.write');
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<Schemas['WebhookEventType'][]>(['conversation.created']);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const list = useLoader(
    async () => (await api.call(() => api.http.GET('/api/v1/webhooks', { params: { query: { limit: 100 } } }))).data,
    [api, workspace?.id],
  );
  const create = useAction(async () => {
    const created = await api.call(() =>
      api.http.POST('/api/v1/webhooks', {
        body: { url: url.trim(), events, ...(description.trim() ? { description: description.trim() } : {}) },
      }),
    );
    setRevealed({ url: created.url, secret: created.secret, rotated: false });
    setUrl('');
    setDescription('');
    await list.reload();
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void create.run();
  }
  function toggle(type: Schemas['WebhookEventType'], on: boolean): void {
    setEvents((current) => (on ? [...current, type] : current.filter((e) => e !== type)));
  }
  return (
    <section>
      <h1>Webhooks</h1>
      <p className="muted">
        Woes POSTs the events you choose to your endpoints, signed with the Standard Webhooks scheme, and retries failed
        deliveries for about three days.
      </p>
      {canManage && (
        <form onSubmit={submit} className="stack narrow panel">
          <h2>New endpoint</h2>
          <label>
            Endpoint URL
            <input
              required
              type="url"
              maxLength={2048}
              placeholder="https://hooks.example.com/woes"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <label>
            Description (optional)
            <input maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <fieldset>
            <legend>Events</legend>
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="inline">
                <input
                  type="checkbox"
                  checked={events.includes(type)}
                  onChange={(e) => toggle(type, e.target.checked)}
                />
                {type}
              </label>
            ))}
          </fieldset>
          <ErrorNotice message={create.error} />
          <BusyButton type="submit" busy={create.busy} busyLabel="Creating…" disabled={events.length === 0}>
            Create endpoint
          </BusyButton>
        </form>
      )}
      {revealed && <SecretNotice revealed={revealed} />}
      <ErrorNotice message={list.error} />
      {list.data && list.data.length === 0 && <p className="empty">No webhook endpoints yet.</p>}
      {list.data && list.data.length > 0 && (
        <ul className="keys" aria-label="Webhook endpoints">
          {list.data.map((endpoint) => (
            <EndpointItem
              key={endpoint.id}
              endpoint={endpoint}
              canManage={canManage}
              onChanged={() => void list.reload()}
              onSecret={setRevealed}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
