import type { Schemas } from '../../api/client';

type ApiKey = Schemas['ApiKey'];
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useLoader } from '../../components/use-loader';
import { useSession } from '../../session';
import { lastDays, UsageChart } from './usage-chart';

export function UsagePanel({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const { api } = useSession();
  const usage = useLoader(
    () => api.call(() => api.http.GET('/api/v1/keys/{id}/usage', { params: { path: { id: apiKey.id } } })),
    [api, apiKey.id],
  );
  const daily = usage.data?.days ?? [];
  return (
    <section className="panel" aria-labelledby="usage-title">
      <div className="row spread">
        <h2 id="usage-title">Usage of “{apiKey.name}”</h2>
        <button type="button" className="link" onClick={onClose}>
          Close usage
        </button>
      </div>
      {usage.loading && !usage.data && (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading usage…
        </p>
      )}
      <ErrorNotice message={usage.error} />
      {usage.data && (
        <>
          <UsageChart counts={lastDays(daily, 30)} />
          <dl className="facts">
            <dt>Last used</dt>
            <dd>
              <Time iso={usage.data.lastUsedAt ?? apiKey.lastUsedAt} empty="Never" />
            </dd>
            <dt>Last IP address</dt>
            <dd>{usage.data.lastUsedIp ?? '—'}</dd>
            <dt>Last user agent</dt>
            <dd className="wrap">{usage.data.lastUsedUserAgent ?? '—'}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
