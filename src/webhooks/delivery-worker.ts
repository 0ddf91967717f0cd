import type { CoreDeps } from '../deps.js';
import { deliveryRepository as deliveries, type DeliveryRow } from './delivery-repository.js';
import { endpointRepository as endpoints } from './endpoint-repository.js';
import { MAX_ATTEMPTS } from './schedule.js';
import { SEND_TIMEOUT_MS } from './sender.js';
import { newId } from '../storage/ids.js';
import type { DeliveryAttempt } from './attempt.js';
import { IntervalJob } from '../jobs/interval-job.js';

/** A claimed delivery is not due again for this long: a sender that died is replaced after it. */
export const LEASE_MS = SEND_TIMEOUT_MS * 2;
const DISPATCH_BATCH = 100;
/** Attempts in flight at once per instance. */
export const MAX_IN_FLIGHT = 16;
/**
 * Each workspace's share of the slots: every claim first gives each workspace with due deliveries
 * up to this many attempts in flight, so one tenant whose receivers hang for the whole send timeout
 * cannot stall every other tenant's webhooks.
 */
export const MAX_IN_FLIGHT_PER_WORKSPACE = 4;
/**
 * Slots the second pass of a claim never fills: what is free beyond the shares goes to whoever has
 * deliveries due (a lone workspace's backlog drains at 12 at once, not 4), but this many always stay
 * free for a workspace whose first delivery comes due next.
 */
export const RESERVED_SLOTS = MAX_IN_FLIGHT_PER_WORKSPACE;
/** Due rows read per claim, so a workspace at its share does not hide the others' rows behind its own. */
const CLAIM_WINDOW = 100;

/**
 * The background half of webhooks, in every instance: every `pollMs` it (1) dispatches new
 * outbox events — one delivery per endpoint enabled and subscribed at that moment, and the
 * event marked dispatched, in one transaction — and (2) claims due deliveries with a lease and
 * sends them. Claims are conditional updates (plus SKIP LOCKED on PostgreSQL), so instances
 * share the work without sending one delivery twice, and a crash only delays a delivery.
 */
export class DeliveryWorker {
  private readonly job: IntervalJob;
  private readonly inFlight = new Set<Promise<void>>();
  /** Attempts in flight per workspace (MAX_IN_FLIGHT_PER_WORKSPACE). */
  private readonly inFlightOf = new Map<string, number>();

  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'storage' | 'clock' | 'logger'>,
    private readonly attempt: DeliveryAttempt,
  ) {
    this.job = new IntervalJob('webhook worker run', core.logger, () => this.runOnce());
  }

  start(pollMs: number): void {
    this.job.start(pollMs);
  }

  async close(): Promise<void> {
    await this.job.close();
    await Promise.allSettled([...this.inFlight]);
  }

  async runOnce(): Promise<void> {
    while ((await this.dispatch()) === DISPATCH_BATCH && !this.job.closed);
    await this.deliverDue();
  }

  /**
   * Fans one batch of new events out to endpoints; returns how many events it took. A batch is a
   * fixed number of statements whatever its size: the events marked in one update, each
   * workspace's endpoints read once, the deliveries inserted together (it was two statements
   * per event, built afresh each time: a tenth of a message POST's CPU in the benchmark).
   */
  async dispatch(): Promise<number> {
    const { dialect } = this.core.storage;
    return this.core.db.transaction().execute(async (trx) => {
      const events = await deliveries.undispatched(trx, dialect, DISPATCH_BATCH);
      if (events.length === 0) return 0;
      const now = this.core.clock.now();
      const marked = await deliveries.markDispatched(
        trx,
        events.map((event) => event.id),
        now,
      );
      const endpointsOf = new Map<string, Array<{ id: string; events: readonly string[] }>>();
      const rows: ReturnType<typeof newDelivery>[] = [];
      for (const event of events) {
        if (!marked.has(event.id)) continue;
        let enabled = endpointsOf.get(event.workspaceId);
        if (enabled === undefined) {
          enabled = (await endpoints.enabled(trx, event.workspaceId)).map((e) => ({
            id: e.id,
            events: JSON.parse(e.events) as string[],
          }));
          endpointsOf.set(event.workspaceId, enabled);
        }
        for (const endpoint of enabled) {
          if (endpoint.events.includes(event.type)) rows.push(newDelivery(event, endpoint.id, now, now));
        }
      }
      await deliveries.insert(trx, rows);
      return events.length;
    });
  }

  /**
   * Claims due deliveries and starts their attempts, in two passes over one window of due rows:
   * first up to each workspace's share, then, while more than RESERVED_SLOTS stay free, any row
   * left. Workspaces that already hold every slot a claim could give them are left out of the
   * query, so their backlog never fills the window the others' due rows are read from.
   */
  async deliverDue(): Promise<void> {
    const free = MAX_IN_FLIGHT - this.inFlight.size;
    if (free <= 0 || this.job.closed) return;
    const { dialect } = this.core.storage;
    const soloMax = MAX_IN_FLIGHT - RESERVED_SLOTS;
    const full = [...this.inFlightOf].filter(([, n]) => n >= soloMax).map(([ws]) => ws);
    const claimed = await this.core.db.transaction().execute(async (trx) => {
      const now = this.core.clock.now();
      const won: DeliveryRow[] = [];
      const taken = new Map<string, number>();
      const held = (ws: string) => (this.inFlightOf.get(ws) ?? 0) + (taken.get(ws) ?? 0);
      const claim = async (row: DeliveryRow): Promise<void> => {
        if (!(await deliveries.lease(trx, row, now + LEASE_MS))) return;
        won.push(row);
        taken.set(row.workspaceId, (taken.get(row.workspaceId) ?? 0) + 1);
      };
      const rows = await deliveries.due(trx, dialect, now, CLAIM_WINDOW, full);
      const left: DeliveryRow[] = [];
      for (const row of rows) {
        if (won.length < free && held(row.workspaceId) < MAX_IN_FLIGHT_PER_WORKSPACE) await claim(row);
        else left.push(row);
      }
      for (const row of left) {
        if (this.inFlight.size + won.length >= soloMax || won.length >= free) break;
        await claim(row);
      }
      return won;
    });
    for (const row of claimed) this.track(row.workspaceId, this.attempt.run(row));
  }

  private track(workspaceId: string, job: Promise<void>): void {
    this.inFlightOf.set(workspaceId, (this.inFlightOf.get(workspaceId) ?? 0) + 1);
    const guarded = job.catch((error: unknown) =>
      this.core.logger.warn({ err: { message: (error as Error).message } }, 'webhook attempt failed to record'),
    );
    this.inFlight.add(guarded);
    void guarded.finally(() => {
      this.inFlight.delete(guarded);
      const left = (this.inFlightOf.get(workspaceId) ?? 1) - 1;
      if (left > 0) this.inFlightOf.set(workspaceId, left);
      else this.inFlightOf.delete(workspaceId);
    });
  }
}

/** A delivery of `event` to one endpoint, due at `dueAt`. */
export function newDelivery(
  event: { id: string; workspaceId: string },
  endpointId: string,
  now: number,
  dueAt: number,
  attemptsAllowed: number = MAX_ATTEMPTS,
) {
  return {
    id: newId('whd', now),
    workspaceId: event.workspaceId,
    endpointId,
    eventId: event.id,
    status: 'pending' as const,
    attemptCount: 0,
    attemptsAllowed,
    nextAttemptAt: dueAt,
    lastAttemptAt: null,
    lastResponseStatus: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
  };
}
