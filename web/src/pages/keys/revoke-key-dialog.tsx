import type { Schemas } from '../../api/client';

type ApiKey = Schemas['ApiKey'];
import { BusyButton } from '../../components/busy-button';
import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/error-notice';
import { useAction } from '../../components/use-action';
import { useSession } from '../../session';

export function RevokeKeyDialog({
  apiKey,
  onClose,
  onRevoked,
}: {
  apiKey: ApiKey;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { api } = useSession();
  const revoke = useAction(async () => {
    await api.call(() => api.http.DELETE('/api/v1/keys/{id}', { params: { path: { id: apiKey.id } } }));
    onRevoked();
  });
  return (
    <Dialog title={`Revoke “${apiKey.name}”?`} onClose={onClose}>
      <p>
        Every request with{' '}
        <code>
          {apiKey.start}…{apiKey.last4}
        </code>{' '}
        will be refused from now on, on every server. This cannot be undone.
      </p>
      <ErrorNotice message={revoke.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose} disabled={revoke.busy} autoFocus>
          Cancel
        </button>
        <BusyButton
          type="button"
          className="danger"
          busy={revoke.busy}
          busyLabel="Revoking…"
          onClick={() => void revoke.run()}
        >
          Revoke {apiKey.name}
        </BusyButton>
      </div>
    </Dialog>
  );
}
