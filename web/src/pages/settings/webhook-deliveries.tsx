import type { Schemas } from '../../api/client';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import { useLoader } from '../../components/use-loader';
import { useSession } from '../../session';

type Delivery = Schemas['WebhookDelivery'];

const BADGE: Record<Delivery['status'], string> = { pending: 'badge amber', succeeded: 'badge', failed: 'badge red' };

function DeliveryRow({
  endpointId,
  delivery,
  canManage,
  onChanged,
}: {
  endpointId: string;
  delivery: Delivery;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { api } = useSession();
  const retry = useAction(async () => {
    await api.call(() =>
      api.http.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry', {
        params: { path: { id: endpointId, deliveryId: delivery.id } },
      }),
    );
    onChanged();
  });
  return (
    <tr>
      <td>
        <Time iso={delivery.createdAt} />
      </td>
      <td>
        <code>{delivery.eventType}</code>
      </td>
      <td>
        <span className={BADGE[delivery.status]}>{delivery.status}</span>
      </td>
      <td>{delivery.attempts}</td>
      <td>{delivery.lastResponseStatus ?? delivery.lastError ?? '—'}</td>
      <td>{delivery.nextAttemptAt ? <Time iso={delivery.nextAttemptAt} /> : '—'}</td>
      <td>
        {canManage && delivery.status !== 'pending' && (
          <BusyButton
            type="button"
            className="secondary"
            busy={retry.busy}
            busyLabel="Retrying…"
            onClick={() => void retry.run()}
          >
            Retry<span className="visually-hidden"> {delivery.eventType}</span>
          </BusyButton>
        )}
        <ErrorNotice message={retry.error} />
      </td>
    </tr>
  );
}

/** An endpoint's latest deliveries, newest first, each with a Retry button once it is finished. */
export function WebhookDeliveries({
  endpointId,
  canManage,
  version,
}: {
  endpointId: string;
  canManage: boolean;
  /** Changes when the page knows of a new delivery (a test ping): reload. */
  version: number;
}) {
  const { api } = useSession();
  const list = useLoader(
    async () =>
      (
        await api.call(() =>
          api.http.GET('/api/v1/webhooks/{id}/deliveries', {
            params: { path: { id: endpointId }, query: { limit: 20 } },
          }),
        )
      ).data,
    [api, endpointId, version],
  );
  return (
    <div className="stack">
      <div className="row spread">
        <h4>Recent deliveries</h4>
        <button type="button" className="secondary" onClick={() => void list.reload()}>
          Refresh
        </button>
      </div>
      <ErrorNotice message={list.error} />
      {list.data && list.data.length === 0 && <p className="empty">No deliveries yet.</p>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="audit" aria-label="Deliveries">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last response</th>
                <th scope="col">Next attempt</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((d) => (
                <DeliveryRow
                  key={d.id}
                  endpointId={endpointId}
                  delivery={d}
                  canManage={canManage}
                  onChanged={() => void list.reload()}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
