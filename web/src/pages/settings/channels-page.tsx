import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { BusyButton } from '../../components/busy-button';
import { ConfirmButton } from '../../components/confirm-button';
import { CopyButton } from '../../components/copy-button';
import { ErrorNotice } from '../../components/error-notice';
import { SecretField } from '../../components/secret-field';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useCan, useSession } from '../../session';

type Channel = Schemas['Channel'];
type ChannelWithSecret = Schemas['ChannelWithSecret'];

const TYPE_LABEL: Record<Channel['type'], string> = {
  api: 'API (your system)',
  email: 'Email (an email processor)',
};

/** The secret and inbound URL, shown once after a create or a rotation. */
function RevealSecret({ channel, rotated }: { channel: ChannelWithSecret; rotated: boolean }) {
  return (
    <div className="notice" role="status" aria-label="New channel secret">
      <p>
        {rotated
          ? `New secret for “${channel.name}”. The previous one keeps working for 24 hours.`
          : `Channel “${channel.name}” is ready.`}{' '}
        Sign each request to the inbound URL with this secret (Standard Webhooks). This is the only time it is shown.
      </p>
      <SecretField label="Inbound URL" value={channel.inboundUrl} copyLabel="Copy inbound URL" />
      <SecretField label="Signing secret" value={channel.secret} copyLabel="Copy signing secret" />
    </div>
  );
}

function ChannelItem({
  channel,
  canManage,
  onRotated,
  onDeleted,
}: {
  channel: Channel;
  canManage: boolean;
  onRotated: (channel: ChannelWithSecret) => void;
  onDeleted: () => void;
}) {
  const { api } = useSession();
  const path = { params: { path: { id: channel.id } } };
  const remove = useAction(async () => {
    await api.call(() => api.http.DELETE('/api/v1/channels/{id}', path));
    onDeleted();
  });
  const rotate = useAction(async () => {
    onRotated(await api.call(() => api.http.POST('/api/v1/channels/{id}/rotate-secret', path)));
  });
  return (
    <li className="key" data-channel-id={channel.id}>
      <div className="row spread">
        <h3>{channel.name}</h3>
        <span className="badge">{channel.type}</span>
      </div>
      <dl className="facts">
        <dt>Type</dt>
        <dd>{TYPE_LABEL[channel.type]}</dd>
        <dt>Inbound URL</dt>
        <dd className="wrap">
          <code>{channel.inboundUrl}</code> <CopyButton text={channel.inboundUrl} label="Copy URL" />
        </dd>
        {channel.previousSecretExpiresAt && (
          <>
            <dt>Previous secret</dt>
            <dd>
              works until <Time iso={channel.previousSecretExpiresAt} />
            </dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <Time iso={channel.createdAt} />
        </dd>
      </dl>
      <ErrorNotice message={remove.error ?? rotate.error} />
      {canManage && (
        <div className="actions left">
          <BusyButton
            type="button"
            className="secondary"
            busy={rotate.busy}
            busyLabel="Rotating…"
            onClick={() => void rotate.run()}
          >
            Rotate secret<span className="visually-hidden"> of {channel.name}</span>
          </BusyButton>
          <ConfirmButton
            verb="Delete"
            name={channel.name}
            question={`Delete “${channel.name}”? Its sender is refused from now on; its conversations stay.`}
            busy={remove.busy}
            busyLabel="Deleting…"
            onConfirm={() => void remove.run()}
          />
        </div>
      )}
    </li>
  );
}

export function ChannelsPage() {
  const { api, workspace } = useSession();
  const canManage = useCan('channels.write');
  const [name, setName] = useState('');
  const [type, setType] = useState<Channel['type']>('api');
  const [revealed, setRevealed] = useState<{ channel: ChannelWithSecret; rotated: boolean } | null>(null);
  const list = useLoader(
    async () => (await api.call(() => api.http.GET('/api/v1/channels', { params: { query: { limit: 100 } } }))).data,
    [api, workspace?.id],
  );
  const create = useAction(async () => {
    const channel = await api.call(() => api.http.POST('/api/v1/channels', { body: { type, name: name.trim() } }));
    setRevealed({ channel, rotated: false });
    setName('');
    await list.reload();
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void create.run();
  }
  return (
    <section>
      <h1>Channels</h1>
      <p className="muted">
        Inbound sources — your own system or an email processor — that post signed customer messages to Woes. Each
        message starts or continues a conversation in the Inbox.
      </p>
      {canManage && (
        <form onSubmit={submit} className="stack narrow panel">
          <h2>New channel</h2>
          <label>
            Name
            <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Type
            <select value={type} onChange={(e) => setType(e.target.value === 'email' ? 'email' : 'api')}>
              <option value="api">{TYPE_LABEL.api}</option>
              <option value="email">{TYPE_LABEL.email}</option>
            </select>
          </label>
          <ErrorNotice message={create.error} />
          <BusyButton type="submit" busy={create.busy} busyLabel="Creating…">
            Create channel
          </BusyButton>
        </form>
      )}
      {revealed && <RevealSecret channel={revealed.channel} rotated={revealed.rotated} />}
      <ErrorNotice message={list.error} />
      {list.data && list.data.length === 0 && <p className="empty">No channels yet.</p>}
      {list.data && list.data.length > 0 && (
        <ul className="keys" aria-label="Channels">
          {list.data.map((c) => (
            <ChannelItem
              key={c.id}
              channel={c}
              canManage={canManage}
              onRotated={(channel) => {
                setRevealed({ channel, rotated: true });
                void list.reload();
              }}
              onDeleted={() => {
                setRevealed(null);
                void list.reload();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
