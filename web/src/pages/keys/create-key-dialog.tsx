import { useState, type FormEvent } from 'react';
import type { CreatedKey } from '../../api/types';
import { BusyButton } from '../../components/busy-button';
import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/error-notice';
import { useAction } from '../../components/use-action';
import { useSession } from '../../session';
import { ScopePicker } from './scope-picker';

const DAY = 24 * 3600;
const EXPIRY_CHOICES: { label: string; seconds: number | null }[] = [
  { label: 'Never', seconds: null },
  { label: '7 days', seconds: 7 * DAY },
  { label: '30 days', seconds: 30 * DAY },
  { label: '90 days', seconds: 90 * DAY },
  { label: '1 year', seconds: 365 * DAY },
];

export function CreateKeyDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (key: CreatedKey) => void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<string>>(new Set());
  const [expiry, setExpiry] = useState('never');
  const [customDate, setCustomDate] = useState('');
  const create = useAction(async () => {
    if (scopes.size === 0) throw new Error('Choose at least one scope: a key without scopes can call nothing.');
    const body: Record<string, unknown> = { name: name.trim(), scopes: [...scopes] };
    if (expiry === 'custom') body.expiresAt = new Date(`${customDate}T23:59:59`).toISOString();
    else if (expiry !== 'never') body.expiresIn = Number(expiry);
    onCreated(await api.request<CreatedKey>('POST', '/keys', { body }));
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void create.run();
  }
  const tomorrow = new Date(Date.now() + DAY * 1000).toISOString().slice(0, 10);
  return (
    <Dialog title="Create an API key" onClose={onClose} wide>
      <form onSubmit={submit} className="stack">
        <label>
          Name
          <input
            required
            maxLength={100}
            autoFocus
            placeholder="e.g. CRM sync (production)"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <ScopePicker value={scopes} onChange={setScopes} disabled={create.busy} />
        <label>
          Expires
          <select value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.label} value={c.seconds === null ? 'never' : String(c.seconds)}>
                {c.label}
              </option>
            ))}
            <option value="custom">On a date…</option>
          </select>
        </label>
        {expiry === 'custom' && (
          <label>
            Expiry date
            <input type="date" required min={tomorrow} value={customDate} onChange={(e) => setCustomDate(e.target.value)} />
          </label>
        )}
        <ErrorNotice message={create.error} />
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose} disabled={create.busy}>
            Cancel
          </button>
          <BusyButton type="submit" busy={create.busy} busyLabel="Creating…">
            Create key
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
