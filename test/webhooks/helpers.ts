import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { webhookOutbox } from '../../src/events/webhook-outbox.js';
import type { WebhookEventType } from '../../src/events/webhook-events.js';
import type { TestApp } from '../helpers/app.js';

/** One request a receiver got: its raw body and headers, as a real receiver verifies them. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  headers: Record<string, string>;
  body: string;
  json: { type: string; timestamp: string; data: any };
  at: number;
}

type Answer = { status: number; headers?: Record<string, string | undefined>; body?: string };

/**
 * A real HTTP receiver on loopback. `answer` decides each response (200 by default); it can be
 * stopped and started again on the same port to play a receiver that is down for a while.
 */
export class Receiver {
  readonly received: Received[] = [];
  answer: (request: Received, index: number) => Answer = () => ({ status: 200, body: 'ok' });
  port = 0;
  private server: http.Server | null = null;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async start(port = 0): Promise<this> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
        );
        const received: Received = {
          id: headers['webhook-id'],
          timestamp: headers['webhook-timestamp'],
          signature: headers['webhook-signature'],
          headers,
          body,
          json: JSON.parse(body),
          at: Date.now(),
        };
        this.received.push(received);
        const answer = this.answer(received, this.received.length - 1);
        res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Throws unless every request so far verifies with `secret` (standardwebhooks' own check). */
  verifyAll(secret: string): void {
    const hook = new Webhook(secret);
    for (const r of this.received) hook.verify(r.body, r.headers);
  }

  ofType(type: string): Received[] {
    return this.received.filter((r) => r.json.type === type);
  }
}

/** Waits until `probe` returns something truthy (a bounded wait, never a timing assertion). */
export async function until<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Test settings: loopback allowed, a fast worker, and (unless told) a schedule 10 000 times shorter. */
export function webhookEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    WOES_ALLOW_PRIVATE_WEBHOOKS: 'true',
    WOES_WEBHOOK_POLL_MS: '20',
    WOES_WEBHOOK_RETRY_SCALE: '0.0001',
    ...extra,
  };
}

/** Writes an event to the outbox as a change would (`payload: {id}`); the worker then delivers it. Its id. */
export function emitEvent(
  t: TestApp,
  workspaceId: string,
  type: WebhookEventType,
  id: string,
  now = Date.now(),
): Promise<string> {
  return webhookOutbox.append(t.app.woes.db, { workspaceId, type, payload: { id }, now });
}
