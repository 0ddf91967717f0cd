import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { BusyButton } from '../../components/busy-button';
import { SecretField } from '../../components/secret-field';
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useCan, useSession } from '../../session';

/** Settings → Widget keys: the identity secret (shown once) and the "require verification" switch. */
export function WidgetIdentitySettings() {
  const { api, workspace } = useSession();
  const canManage = useCan('keys.write');
  const [created, setCreated] = useState<Schemas['IdentitySecretCreated'] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const settings = useLoader(async () => api.call(() => api.http.GET('/api/v1/widget-settings')), [api, workspace?.id]);
  const rotate = useAction(async () => {
    setCreated(await api.call(() => api.http.POST('/api/v1/widget-settings/identity-secret')));
    setConfirming(false);
    await settings.reload();
  });
  const toggle = useAction(async (requireVerification: boolean) => {
    await api.call(() => api.http.PATCH('/api/v1/widget-settings', { body: { requireVerification } }));
    await settings.reload();
  });
  const current = settings.data;
  const secret = current?.identitySecret ?? null;
  return (
    <div className="stack narrow panel" aria-label="Identity verification">
      <h2>Identity verification</h2>
      <p className="muted">
        Your server signs who the visitor is with the identity secret (a short-lived JWT, or the older userHash); Woes
        then lets that visitor see their own conversations on any device. Keep the secret on your server only.
      </p>
      <ErrorNotice message={settings.error} />
      {current && (
        <dl className="facts">
          <dt>Identity secret</dt>
          <dd>
            {secret ? (
              <>
                <code>{secret.start}…</code> created <Time iso={secret.createdAt} />
              </>
            ) : (
              'None yet'
            )}
          </dd>
        </dl>
      )}
      {canManage && current && (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={current.requireVerification}
              disabled={toggle.busy}
              onChange={(e) => void toggle.run(e.target.checked)}
            />
            Require identity verification (anonymous visitors cannot start conversations)
          </label>
          <ErrorNotice message={toggle.error ?? rotate.error} />
          <div className="actions left">
            {secret && !confirming ? (
              <button type="button" className="secondary" onClick={() => setConfirming(true)}>
                Rotate identity secret
              </button>
            ) : (
              <>
                {secret && <span>The current secret stops working at once.</span>}
                {secret && (
                  <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                    Cancel
                  </button>
                )}
                <BusyButton type="button" busy={rotate.busy} busyLabel="Creating…" onClick={() => void rotate.run()}>
                  {secret ? 'Rotate now' : 'Create identity secret'}
                </BusyButton>
              </>
            )}
          </div>
        </>
      )}
      {created && (
        <div className="notice" role="status">
          <p>Identity secret — put it in your server's configuration. This is the only time it is shown.</p>
          <SecretField label="Identity secret" value={created.secret} copyLabel="Copy identity secret" />
        </div>
      )}
    </div>
  );
}
