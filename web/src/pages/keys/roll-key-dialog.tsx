import { useState } from 'react';
import type { Schemas } from '../../api/client';

type ApiKey = Schemas['ApiKey'];
type CreatedKey = Schemas['ApiKeyWithSecret'];
import { BusyButton } from '../../components/busy-button';
import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/error-notice';
import { useAction } from '../../components/use-action';
import { useSession } from '../../session';

const OVERLAPS: { label: string; seconds: number }[] = [
  { label: 'Now — the old key stops at once', seconds: 0 },
  { label: 'In 1 hour', seconds: 3600 },
  { label: 'In 24 hours', seconds: 24 * 3600 },
  { label: 'In 7 days', seconds: 7 * 24 * 3600 },
];

/** Replaces a key with a new one of the same name and scopes; the old one keeps working for the overlap. */
export function RollKeyDialog({
  apiKey,
  onClose,
  onRolled,
}: {
  apiKey: ApiKey;
  onClose: () => void;
  onRolled: (k: CreatedKey) => void;
}) {
  const { api } = useSession();
  const [overlap, setOverlap] = useState(24 * 3600);
  const roll = useAction(async () => {
    onRolled(
      await api.call(() =>
        api.http.POST('/api/v1/keys/{id}/roll', { params: { path: { id: apiKey.id } }, body: { expiresIn: overlap } }),
      ),
    );
  });
  return (
    <Dialog title={`Roll “${apiKey.name}”`} onClose={onClose}>
      <p>A new key with the same name and scopes is created. Deploy it, then let the old one expire.</p>
      <fieldset className="stack">
        <legend>When should the old key stop working?</legend>
        {OVERLAPS.map((choice) => (
          <label key={choice.seconds} className="inline">
            <input
              type="radio"
              name="overlap"
              checked={overlap === choice.seconds}
              onChange={() => setOverlap(choice.seconds)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <ErrorNotice message={roll.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose} disabled={roll.busy}>
          Cancel
        </button>
        <BusyButton type="button" busy={roll.busy} busyLabel="Rolling…" onClick={() => void roll.run()}>
          Roll key
        </BusyButton>
      </div>
    </Dialog>
  );
}
