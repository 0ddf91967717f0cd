import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';

/** A workspace with an admin key, and helpers to call the channel endpoints as it. */
export interface ChannelTenant {
  readonly workspaceId: string;
  readonly admin: string;
  api(method: string, url: string, payload?: unknown): ReturnType<TestApp['request']>;
  createChannel(type: 'api' | 'email', name?: string): Promise<{ id: string; secret: string; inboundUrl: string }>;
}

export async function channelTenant(t: TestApp, name = 'Channels workspace'): Promise<ChannelTenant> {
  const workspaceId = await createWorkspace(t, { name });
  const admin = (await createApiKey(t, workspaceId, ['admin'])).secret;
  const api: ChannelTenant['api'] = (method, url, payload) =>
    t.request({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: bearer(admin),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    workspaceId,
    admin,
    api,
    async createChannel(type, channelName = `${type} channel`) {
      const created = await api('POST', '/channels', { type, name: channelName });
      if (created.statusCode !== 201) throw new Error(`channel not created: ${created.body}`);
      return { id: created.json.id, secret: created.json.secret, inboundUrl: created.json.inboundUrl };
    },
  };
}

export interface SendOptions {
  /** Sign with this secret instead of the channel's. */
  secret?: string;
  webhookId?: string;
  /** When the signature claims to be made. */
  timestamp?: Date;
  /** Send these bytes instead of the ones that were signed. */
  sentBody?: string;
  /** Headers to leave out. */
  omit?: Array<'webhook-id' | 'webhook-timestamp' | 'webhook-signature'>;
  ip?: string;
}

/** Signs `payload` the way a sender would (the `standardwebhooks` library) and POSTs it. */
export async function sendInbound(
  t: TestApp,
  channel: { id: string; secret: string },
  payload: unknown,
  options: SendOptions = {},
) {
  const body = JSON.stringify(payload);
  const webhookId = options.webhookId ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? new Date();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(options.secret ?? channel.secret).sign(webhookId, timestamp, body),
  };
  for (const name of options.omit ?? []) delete headers[name];
  return t.request({
    method: 'POST',
    url: `/api/v1/webhooks/inbound/${channel.id}`,
    headers,
    payload: options.sentBody ?? body,
    ...(options.ip === undefined ? {} : { remoteAddress: options.ip }),
  });
}

/** How many rows each table the inbound endpoint writes holds: proof that a refusal wrote nothing. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['messages', 'conversations', 'customers', 'inboundReceipts', 'inboundEmailThreads'] as const) {
    const row = await t.app.woes.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

let ipCounter = 1;
/** A fresh client address, so failed-signature budgets of one test do not leak into another. */
export const freshIp = () => `10.77.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;
