import { useState, type FormEvent } from 'react';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useCan, useSession } from '../../session';
import { ApiTestCredentialItem } from './api-test-credential';

type AuthType = 'bearer' | 'header' | 'basic';

/** Settings → API tests: the vault of credentials for your own API, and guarded checks made with them. */
export function ApiTestsPage() {
  const { api, workspace } = useSession();
  const canManage = useCan('apitests.write');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [type, setType] = useState<AuthType>('bearer');
  const [headerName, setHeaderName] = useState('');
  const [secret, setSecret] = useState('');
  const list = useLoader(
    async () =>
      (await api.call(() => api.http.GET('/api/v1/api-tests/credentials', { params: { query: { limit: 100 } } }))).data,
    [api, workspace?.id],
  );
  const create = useAction(async () => {
    await api.call(() =>
      api.http.POST('/api/v1/api-tests/credentials', {
        body: {
          name: name.trim(),
          baseUrl: baseUrl.trim(),
          auth: { type, secret, ...(type === 'header' ? { headerName: headerName.trim() } : {}) },
        },
      }),
    );
    // The secret leaves the page's state as soon as it is stored.
    setSecret('');
    setName('');
    setBaseUrl('');
    setHeaderName('');
    await list.reload();
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void create.run();
  }
  return (
    <section>
      <h1>API tests</h1>
      <p className="muted">
        Credentials for your own product’s API, so Woes can check what a customer sees. Secrets are encrypted and never
        shown again — not even to you. Checks go only to public addresses, follow no redirects and stop after 10 s.
      </p>
      {canManage && (
        <form onSubmit={submit} className="stack narrow panel" aria-label="New API test credential">
          <h2>New credential</h2>
          <label>
            Name
            <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Base URL
            <input
              required
              type="url"
              placeholder="https://api.example.com/v1"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
            />
          </label>
          <label>
            Authentication
            <select value={type} onChange={(e) => setType(e.target.value as AuthType)}>
              <option value="bearer">Bearer token (Authorization: Bearer …)</option>
              <option value="header">API key in a header</option>
              <option value="basic">Basic (user:password)</option>
            </select>
          </label>
          {type === 'header' && (
            <label>
              Header name
              <input
                required
                placeholder="x-api-key"
                maxLength={100}
                value={headerName}
                onChange={(e) => setHeaderName(e.target.value)}
              />
            </label>
          )}
          <label>
            Secret
            <input
              required
              type="password"
              autoComplete="off"
              minLength={8}
              maxLength={4096}
              placeholder={type === 'basic' ? 'user:password' : ''}
              aria-describedby="secret-hint"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
            <span className="hint" id="secret-hint">
              Write-only: stored encrypted, used only for checks you run, never displayed.
            </span>
          </label>
          <ErrorNotice message={create.error} />
          <BusyButton type="submit" busy={create.busy} busyLabel="Saving…">
            Save credential
          </BusyButton>
        </form>
      )}
      <ErrorNotice message={list.error} />
      {list.data && list.data.length === 0 && <p className="empty">No API test credentials yet.</p>}
      {list.data && list.data.length > 0 && (
        <ul className="keys" aria-label="API test credentials">
          {list.data.map((c) => (
            <ApiTestCredentialItem
              key={c.id}
              credential={c}
              canManage={canManage}
              onChanged={() => void list.reload()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
