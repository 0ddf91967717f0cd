import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
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

/** "a, b\nc" → ['a', 'b', 'c']; the server validates each entry and names a bad one. */
export function parseAllowedIps(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function CreateKeyDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (key: Schemas['ApiKeyWithSecret']) => void;
}) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<string>>(new Set());
  const [expiry, setExpiry] = useState('never');
  const [customDate, setCustomDate] = useState('');
  const [allowedIps, setAllowedIps] = useState('');
  const create = useAction(async () => {
    if (scopes.size === 0) throw new Error('Choose at least one scope: a key without scopes can call nothing.');
    const lifetime =
      expiry === 'custom'
        ? { expiresAt: new Date(`${customDate}T23:59:59`).toISOString() }
        : expiry !== 'never'
          ? { expiresIn: Number(expiry) }
          : {};
    const ips = parseAllowedIps(allowedIps);
    const body = {
      name: name.trim(),
      scopes: [...scopes],
      ...lifetime,
      ...(ips.length > 0 ? { allowedIps: ips } : {}),
    };
    onCreated(await api.call(() => api.http.POST('/api/v1/keys', { body })));
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
            <input
              type="date"
              required
              min={tomorrow}
              value={customDate}
              onChange={(e) => setCustomDate(e.target.value)}
            />
          </label>
        )}
        <label>
          Allowed IP addresses <span className="muted">(optional)</span>
          <textarea
            rows={2}
            placeholder="e.g. 203.0.113.7, 10.0.0.0/8, 2001:db8::/32"
            value={allowedIps}
            onChange={(e) => setAllowedIps(e.target.value)}
            aria-describedby="allowed-ips-help"
          />
          <span id="allowed-ips-help" className="muted">
            IPv4/IPv6 addresses or CIDR ranges, up to 50, separated by commas or new lines. Empty: any address.
          </span>
        </label>
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
