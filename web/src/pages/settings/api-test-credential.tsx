import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { BusyButton } from '../../components/busy-button';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useSession } from '../../session';

type Credential = Schemas['ApiTestCredential'];
type Run = Schemas['ApiTestRun'];

const AUTH_LABELS: Record<Credential['authType'], string> = {
  bearer: 'Bearer token',
  header: 'Header',
  basic: 'Basic',
};

function RunResult({ run }: { run: Run }) {
  return (
    <li className="run">
      <div className="row spread">
        <span>
          <span className={run.ok ? 'badge green' : 'badge red'}>{run.ok ? 'OK' : 'Failed'}</span>{' '}
          <code>
            {run.method} {run.path}
          </code>
        </span>
        <span className="muted">
          {run.status ?? '—'} · {run.durationMs} ms · <Time iso={run.createdAt} />
        </span>
      </div>
      {run.error && (
        <p className="muted">
          Not completed ({run.error.reason}): {run.error.message}
        </p>
      )}
      {run.excerpt && <pre className="excerpt">{run.excerpt}</pre>}
    </li>
  );
}

function RunCheck({ credential, onRan }: { credential: Credential; onRan: () => void }) {
  const { api } = useSession();
  const [method, setMethod] = useState<'GET' | 'HEAD'>('GET');
  const [path, setPath] = useState('/');
  const [expect, setExpect] = useState('');
  const run = useAction(async () => {
    await api.call(() =>
      api.http.POST('/api/v1/api-tests/runs', {
        body: {
          credentialId: credential.id,
          method,
          path: path.trim(),
          ...(expect.trim() ? { expectStatus: Number(expect) } : {}),
        },
      }),
    );
    onRan();
  });
  function submit(event: FormEvent): void {
    event.preventDefault();
    void run.run();
  }
  return (
    <form className="row" onSubmit={submit} aria-label={`Run a check with ${credential.name}`}>
      <label>
        Method
        <select value={method} onChange={(e) => setMethod(e.target.value as 'GET' | 'HEAD')}>
          <option>GET</option>
          <option>HEAD</option>
        </select>
      </label>
      <label>
        Path
        <input required value={path} onChange={(e) => setPath(e.target.value)} />
      </label>
      <label>
        Expected status
        <input
          type="number"
          min={100}
          max={599}
          placeholder="2xx"
          value={expect}
          onChange={(e) => setExpect(e.target.value)}
        />
      </label>
      <BusyButton type="submit" busy={run.busy} busyLabel="Running…">
        Run check
      </BusyButton>
      <ErrorNotice message={run.error} />
    </form>
  );
}

function ReplaceSecret({ credential, onDone }: { credential: Credential; onDone: () => void }) {
  const { api } = useSession();
  const [secret, setSecret] = useState('');
  const replace = useAction(async () => {
    await api.call(() =>
      api.http.PUT('/api/v1/api-tests/credentials/{id}/secret', {
        params: { path: { id: credential.id } },
        body: { secret },
      }),
    );
    setSecret('');
    onDone();
  });
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void replace.run();
      }}
    >
      <label>
        New secret for {credential.name}
        <input
          required
          type="password"
          autoComplete="off"
          minLength={8}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <BusyButton type="submit" busy={replace.busy} busyLabel="Replacing…">
        Replace secret
      </BusyButton>
      <ErrorNotice message={replace.error} />
    </form>
  );
}

export function ApiTestCredentialItem({
  credential,
  canManage,
  onChanged,
}: {
  credential: Credential;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { api } = useSession();
  const [replacing, setReplacing] = useState(false);
  const runs = useLoader(
    async () =>
      (
        await api.call(() =>
          api.http.GET('/api/v1/api-tests/runs', { params: { query: { credentialId: credential.id, limit: 10 } } }),
        )
      ).data,
    [api, credential.id],
  );
  const remove = useAction(async () => {
    await api.call(() =>
      api.http.DELETE('/api/v1/api-tests/credentials/{id}', { params: { path: { id: credential.id } } }),
    );
    onChanged();
  });
  return (
    <li className="key">
      <div className="row spread">
        <h3>{credential.name}</h3>
        <code className="wrap">{credential.baseUrl}</code>
      </div>
      <dl className="facts">
        <dt>Authentication</dt>
        <dd>
          {AUTH_LABELS[credential.authType]}
          {credential.headerName ? ` (${credential.headerName})` : ''} · secret stored, never shown
        </dd>
        <dt>Last used</dt>
        <dd>{credential.lastUsedAt ? <Time iso={credential.lastUsedAt} /> : 'Never'}</dd>
      </dl>
      {canManage && (
        <RunCheck
          credential={credential}
          onRan={() => {
            void runs.reload();
            onChanged(); // its "last used"
          }}
        />
      )}
      <ErrorNotice message={runs.error ?? remove.error} />
      {runs.data && runs.data.length > 0 && (
        <ul className="runs" aria-label={`Checks with ${credential.name}`}>
          {runs.data.map((r) => (
            <RunResult key={r.id} run={r} />
          ))}
        </ul>
      )}
      {canManage && (
        <div className="actions left">
          {replacing ? (
            <ReplaceSecret credential={credential} onDone={() => setReplacing(false)} />
          ) : (
            <button type="button" className="secondary" onClick={() => setReplacing(true)}>
              Replace secret<span className="visually-hidden"> of {credential.name}</span>
            </button>
          )}
          <ConfirmButton
            verb="Delete"
            name={credential.name}
            question={`Delete “${credential.name}”? Its secret is erased; past checks stay listed.`}
            busy={remove.busy}
            busyLabel="Deleting…"
            onConfirm={() => void remove.run()}
          />
        </div>
      )}
    </li>
  );
}
