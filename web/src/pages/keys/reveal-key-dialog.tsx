import type { Schemas } from '../../api/client';

type CreatedKey = Schemas['ApiKeyWithSecret'];
import { CopyButton } from '../../components/copy-button';
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
      <label>
        Secret key
        <input
          className="secret"
          readOnly
          value={created.secret}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
      </label>
      <div className="row">
        <CopyButton text={created.secret} label="Copy key" />
      </div>
      <label>
        Test it
        <textarea
          className="secret"
          readOnly
          rows={3}
          value={curl}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
      </label>
      <div className="row">
        <CopyButton text={curl} label="Copy curl command" />
      </div>
      <p className="muted">Scopes: {created.scopes.join(', ')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          I have saved the key
        </button>
      </div>
    </Dialog>
  );
}
