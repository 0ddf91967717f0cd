import { useState, type FormEvent } from 'react';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useSession } from '../../session';

/** Settings → Customer portal: on/off and the name customers see in the email and on the page. */
export function PortalSettingsPage() {
  const { api, workspace } = useSession();
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const settings = useLoader(() => api.call(() => api.http.GET('/api/v1/workspace/portal')), [api, workspace?.id]);
  const save = useAction(async (patch: { enabled?: boolean; displayName?: string | null }) => {
    settings.setData(await api.call(() => api.http.PATCH('/api/v1/workspace/portal', { body: patch })));
    setSaved(true);
  });
  const current = settings.data;
  const portalUrl = workspace ? `${window.location.origin}/app/portal/${workspace.id}` : '';

  function submit(event: FormEvent): void {
    event.preventDefault();
    const value = (name ?? current?.displayName ?? '').trim();
    void save.run({ displayName: value === '' ? null : value });
  }

  return (
    <section>
      <h1>Customer portal</h1>
      <p>
        Customers sign in with an emailed one-time link and see only their own conversations. Portal address:{' '}
        <code>{portalUrl}</code>
      </p>
      <ErrorNotice message={settings.error ?? save.error} />
      {current && (
        <>
          <p>
            The portal is <strong>{current.enabled ? 'on' : 'off'}</strong>.{' '}
            <BusyButton
              type="button"
              className="secondary"
              busy={save.busy}
              busyLabel="Saving…"
              onClick={() => void save.run({ enabled: !current.enabled })}
            >
              {current.enabled ? 'Turn the portal off' : 'Turn the portal on'}
            </BusyButton>
          </p>
          <form onSubmit={submit}>
            <label>
              Display name (empty: the workspace name)
              <input
                value={name ?? current.displayName ?? ''}
                maxLength={200}
                onChange={(event) => setName(event.target.value)}
              />
            </label>
            <BusyButton type="submit" className="primary" busy={save.busy} busyLabel="Saving…">
              Save name
            </BusyButton>
          </form>
          {saved && <p role="status">Saved.</p>}
        </>
      )}
    </section>
  );
}
