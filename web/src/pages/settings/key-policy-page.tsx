import { useEffect, useState, type FormEvent } from 'react';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useSession } from '../../session';

/** "" → null (rule off); otherwise whole days. */
const days = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** Settings → Key policy: owners bound every key of the workspace (GET/PATCH /workspace/key-policy). */
export function KeyPolicyPage() {
  const { api, workspace } = useSession();
  const policy = useLoader(
    // A session-only route: the header is typed as required (the client's middleware sets it too).
    () =>
      api.call(() =>
        api.http.GET('/api/v1/workspace/key-policy', { params: { header: { 'x-workspace-id': workspace?.id ?? '' } } }),
      ),
    [api, workspace?.id],
  );
  const [maxLifetime, setMaxLifetime] = useState('');
  const [requireExpiry, setRequireExpiry] = useState(false);
  const [idleDays, setIdleDays] = useState('');
  const [warn, setWarn] = useState(true);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const p = policy.data;
    if (!p) return;
    setMaxLifetime(p.maxLifetimeDays === null ? '' : String(p.maxLifetimeDays));
    setRequireExpiry(p.requireExpiry);
    setIdleDays(p.disableUnusedDays === null ? '' : String(p.disableUnusedDays));
    setWarn(p.warnBeforeExpiry);
  }, [policy.data]);
  const save = useAction(async () => {
    const body = {
      maxLifetimeDays: days(maxLifetime),
      requireExpiry,
      disableUnusedDays: days(idleDays),
      warnBeforeExpiry: warn,
    };
    policy.setData(
      await api.call(() =>
        api.http.PATCH('/api/v1/workspace/key-policy', {
          params: { header: { 'x-workspace-id': workspace?.id ?? '' } },
          body,
        }),
      ),
    );
    setSaved(true);
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    setSaved(false);
    void save.run();
  }
  if (workspace?.role !== 'owner') {
    return (
      <section>
        <h1>Key policy</h1>
        <p className="empty">Only the workspace's owners see and change its key policy.</p>
      </section>
    );
  }
  return (
    <section>
      <h1>Key policy</h1>
      <p className="muted">Rules for every API key in this workspace. They bind admins too.</p>
      <ErrorNotice message={policy.error} />
      {policy.data && (
        <form onSubmit={submit} className="stack narrow">
          <label>
            Maximum lifetime of new keys (days)
            <input
              type="number"
              min={1}
              max={3650}
              placeholder="No maximum"
              value={maxLifetime}
              onChange={(e) => setMaxLifetime(e.target.value)}
            />
          </label>
          <label className="row">
            <input type="checkbox" checked={requireExpiry} onChange={(e) => setRequireExpiry(e.target.checked)} />
            Every new key must have an expiry
          </label>
          <label>
            Disable keys unused for (days)
            <input
              type="number"
              min={1}
              max={3650}
              placeholder="Never"
              value={idleDays}
              onChange={(e) => setIdleDays(e.target.value)}
            />
          </label>
          <label className="row">
            <input type="checkbox" checked={warn} onChange={(e) => setWarn(e.target.checked)} />
            Email owners 7 days before a key expires
          </label>
          <ErrorNotice message={save.error} />
          {saved && <p role="status">Saved.</p>}
          <div className="actions left">
            <BusyButton type="submit" busy={save.busy} busyLabel="Saving…">
              Save policy
            </BusyButton>
          </div>
          <p className="muted">
            Last changed: <Time iso={policy.data.updatedAt} empty="never" />
          </p>
        </form>
      )}
    </section>
  );
}
