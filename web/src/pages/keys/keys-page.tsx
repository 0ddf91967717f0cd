import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { Schemas } from '../../api/client';

type ApiKey = Schemas['ApiKey'];
type CreatedKey = Schemas['ApiKeyWithSecret'];
import { ErrorNotice } from '../../components/error-notice';
import { useLoader } from '../../components/use-loader';
import { useAction } from '../../components/use-action';
import { BusyButton } from '../../components/busy-button';
import { useMemberNames } from '../../components/use-member-names';
import { useCan, useSession } from '../../session';
import { CreateKeyDialog } from './create-key-dialog';
import { KeyRow, type KeyAction } from './key-row';
import { RevealKeyDialog } from './reveal-key-dialog';
import { RevokeKeyDialog } from './revoke-key-dialog';
import { RollKeyDialog } from './roll-key-dialog';
import { UsagePanel } from './usage-panel';

type Open = { kind: 'create' } | { kind: 'reveal'; key: CreatedKey } | { kind: KeyAction; key: ApiKey } | null;

export function KeysPage() {
  const session = useSession();
  const canManage = useCan('keys.write');
  const canRead = useCan('keys.read');
  const [open, setOpen] = useState<Open>(null);
  const names = useMemberNames();
  const [usageOf, setUsageOf] = useState<ApiKey | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const keys = useLoader(async () => {
    if (!canRead) return [];
    const { api } = session;
    const page = await api.call(() => api.http.GET('/api/v1/keys', { params: { query: { limit: 100 } } }));
    setCursor(page.nextCursor);
    return page.data;
  }, [session.api, session.workspace?.id, canRead]);
  const more = useAction(async () => {
    const { api } = session;
    const page = await api.call(() =>
      api.http.GET('/api/v1/keys', { params: { query: { limit: 100, cursor: cursor ?? undefined } } }),
    );
    keys.setData([...(keys.data ?? []), ...page.data]);
    setCursor(page.nextCursor);
  });
  const refused = !canRead || (keys.failure instanceof ApiError && keys.failure.status === 403);

  function replace(updated: ApiKey): void {
    keys.setData((keys.data ?? []).map((k) => (k.id === updated.id ? updated : k)));
  }
  function act(action: KeyAction, key: ApiKey): void {
    if (action === 'usage') setUsageOf(key);
    else setOpen({ kind: action, key });
  }
  async function afterSecret(created: CreatedKey): Promise<void> {
    setOpen({ kind: 'reveal', key: created });
    await keys.reload();
  }

  if (refused) {
    return (
      <section>
        <h1>API keys</h1>
        <p className="notice" role="note">
          Only workspace owners and admins manage API keys. Ask one of them for a key with the scopes you need.
        </p>
      </section>
    );
  }
  return (
    <section>
      <div className="row spread">
        <h1>API keys</h1>
        {canManage && (
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
            Create key
          </button>
        )}
      </div>
      <p className="muted">
        Server keys reach this workspace's REST API with the scopes you give them. Keep them on servers, never in
        browsers or apps.
      </p>
      {keys.loading && !keys.data && (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading keys…
        </p>
      )}
      <ErrorNotice message={keys.error} />
      {keys.data && keys.data.length === 0 && <p className="empty">No keys yet. Create one to call the API.</p>}
      {usageOf && <UsagePanel apiKey={usageOf} onClose={() => setUsageOf(null)} />}
      {keys.data && keys.data.length > 0 && (
        <ul className="keys" aria-label="API keys">
          {keys.data.map((key) => (
            <KeyRow key={key.id} apiKey={key} names={names} canManage={canManage} onChanged={replace} onAction={act} />
          ))}
        </ul>
      )}
      <ErrorNotice message={more.error} />
      {cursor && (
        <BusyButton
          type="button"
          className="secondary"
          busy={more.busy}
          busyLabel="Loading…"
          onClick={() => void more.run()}
        >
          Load more keys
        </BusyButton>
      )}
      {open?.kind === 'create' && (
        <CreateKeyDialog onClose={() => setOpen(null)} onCreated={(k) => void afterSecret(k)} />
      )}
      {open?.kind === 'reveal' && <RevealKeyDialog created={open.key} onClose={() => setOpen(null)} />}
      {open?.kind === 'revoke' && (
        <RevokeKeyDialog
          apiKey={open.key}
          onClose={() => setOpen(null)}
          onRevoked={() => {
            setOpen(null);
            void keys.reload();
          }}
        />
      )}
      {open?.kind === 'roll' && (
        <RollKeyDialog apiKey={open.key} onClose={() => setOpen(null)} onRolled={(k) => void afterSecret(k)} />
      )}
    </section>
  );
}
