import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { actorLabel, useMemberNames } from '../../components/use-member-names';
import { useSession } from '../../session';

interface Filters {
  type: string;
  actor: string;
}

/** An empty filter is no filter: it is left out of the query. */
function queryOf(filters: Filters): { type?: string; actor?: string } {
  return { type: filters.type || undefined, actor: filters.actor || undefined };
}

export function AuditPage() {
  const { api, workspace } = useSession();
  const [draft, setDraft] = useState<Filters>({ type: '', actor: '' });
  const [filters, setFilters] = useState<Filters>({ type: '', actor: '' });
  const names = useMemberNames();
  const [more, setMore] = useState<Schemas['AuditEvent'][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const first = useLoader(async () => {
    const page = await api.call(() =>
      api.http.GET('/api/v1/audit-events', { params: { query: { ...queryOf(filters), limit: 25 } } }),
    );
    setMore([]);
    setCursor(page.nextCursor);
    return page.data;
  }, [api, workspace?.id, filters.type, filters.actor]);
  const loadMore = useAction(async () => {
    const page = await api.call(() =>
      api.http.GET('/api/v1/audit-events', {
        params: { query: { ...queryOf(filters), limit: 25, cursor: cursor ?? undefined } },
      }),
    );
    setMore((m) => [...m, ...page.data]);
    setCursor(page.nextCursor);
  });
  function apply(event: FormEvent): void {
    event.preventDefault();
    setFilters({ type: draft.type.trim(), actor: draft.actor.trim() });
  }
  const events = [...(first.data ?? []), ...more];
  return (
    <section>
      <h1>Audit log</h1>
      <form className="filters" onSubmit={apply}>
        <label>
          Event type
          <input
            placeholder="e.g. key.revoked"
            value={draft.type}
            onChange={(e) => setDraft({ ...draft, type: e.target.value })}
          />
        </label>
        <label>
          Actor id
          <input
            placeholder="e.g. usr_… or key_…"
            value={draft.actor}
            onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          />
        </label>
        <BusyButton type="submit" busy={first.loading} busyLabel="Loading…">
          Apply filters
        </BusyButton>
      </form>
      <ErrorNotice message={first.error} />
      {first.data && events.length === 0 && <p className="empty">No events match.</p>}
      {events.length > 0 && (
        <div className="table-wrap">
          <table className="audit">
            <caption className="visually-hidden">Audit events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">Actor</th>
                <th scope="col">Target</th>
                <th scope="col">IP address</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td data-label="When">
                    <Time iso={e.createdAt} />
                  </td>
                  <td data-label="Event">
                    <code>{e.type}</code>
                  </td>
                  <td data-label="Actor" title={e.userAgent ?? undefined}>
                    {actorLabel(e.actor, names)}
                  </td>
                  <td data-label="Target">{e.target ? actorLabel(e.target, names) : '—'}</td>
                  <td data-label="IP address">{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNotice message={loadMore.error} />
      {cursor && (
        <BusyButton
          type="button"
          className="secondary"
          busy={loadMore.busy}
          busyLabel="Loading…"
          onClick={() => void loadMore.run()}
        >
          Load older events
        </BusyButton>
      )}
    </section>
  );
}
