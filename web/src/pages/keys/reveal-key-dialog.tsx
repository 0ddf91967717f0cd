import type { Schemas } from '../../api/client';

type CreatedKey = Schemas['ApiKeyWithSecret'];
import { SecretField } from '../../components/secret-field';
import { Dialog } from '../../components/dialog';

/** Shows a new secret exactly once, with a ready curl line to test it. */
export function RevealKeyDialog({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  const curl = `curl ${window.location.origin}/api/v1/me -H "Authorization: Bearer ${created.secret}"`;
  return (
    <Dialog title={`Your new key “${created.name}”`} onClose={onClose} wide>
      <p className="warning" role="note">
        Copy this key now and keep it in a secret manager. <strong>It will not be shown again</strong> — Woes keeps only
        a hash of it.
      </p>
      <SecretField label="Secret key" value={created.secret} copyLabel="Copy key" />
      <SecretField label="Test it" value={curl} copyLabel="Copy curl command" rows={3} />
      <p className="muted">Scopes: {created.scopes.join(', ')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          I have saved the key
        </button>
      </div>
    </Dialog>
  );
}
