import { randomUUID } from 'node:crypto';
import { bearer, clientOn, describe, query, type Cluster } from './context.js';
import type { Answer, Client } from './http.js';
import { sleep } from './services.js';
import type { WoesProcess } from './woes.js';

/** One write attempt: a message whose body is its own Idempotency-Key, so the database can be checked by it. */
export interface Write {
  key: string;
  conversationId: string;
  process: WoesProcess;
  answer: Answer;
}

export function isAcknowledged(write: Write): boolean {
  return write.answer.status === 201;
}

/**
 * Closed-loop writers, `perProcess` on each target process, each posting messages to its own
 * conversation with a fresh Idempotency-Key, until stopped. Bounded by the caller's stop().
 */
export class WriteLoad {
  readonly writes: Write[] = [];
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly cluster: Cluster,
    private readonly secret: string,
    private readonly conversations: string[],
    private readonly targets: WoesProcess[],
    private readonly perProcess: number,
    private readonly firstAddress: number,
  ) {}

  start(): void {
    this.running = true;
    let n = 0;
    for (const target of this.targets) {
      for (let i = 0; i < this.perProcess; i++, n++) {
        this.workers.push(
          this.worker(target, this.conversations[n % this.conversations.length], this.firstAddress + n),
        );
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
    this.workers = [];
  }

  private async worker(target: WoesProcess, conversationId: string, address: number): Promise<void> {
    const client = clientOn(address);
    while (this.running) {
      const key = `w-${randomUUID()}`;
      const answer = await postMessage(this.cluster, client, target, this.secret, conversationId, key);
      this.writes.push({ key, conversationId, process: target, answer });
      // A refused connection answers at once: do not spin on a dead process.
      if (answer.status === 0) await sleep(50);
    }
  }
}

export function postMessage(
  cluster: Cluster,
  client: Client,
  target: WoesProcess,
  secret: string,
  conversationId: string,
  key: string,
): Promise<Answer> {
  return client.request(target.port, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
    headers: { ...bearer(secret), 'idempotency-key': key },
    body: { role: 'agent', body: key },
    // Well past any bound Woes promises: a request still open then is recorded as hung.
    timeoutMs: cluster.dbTimeoutMs + 20_000,
  });
}

/** Conversations for writers to post into, made through the API. */
export async function makeConversations(
  cluster: Cluster,
  secret: string,
  count: number,
  label: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await clientOn(7).request(cluster.processes[0].port, 'POST', '/api/v1/conversations', {
      headers: bearer(secret),
      body: { subject: `${label} ${i}` },
    });
    if (answer.status !== 201) throw new Error(`creating a conversation answered ${describe(answer)}`);
    ids.push(String(answer.body!.id));
  }
  return ids;
}

/** How many messages carry each body (= Idempotency-Key) among the given ones. */
export async function storedCounts(cluster: Cluster, keys: string[]): Promise<Map<string, number>> {
  const rows = await query<{ body: string; n: string }>(
    cluster,
    'select body, count(*) as n from messages where body = any($1) group by body',
    [keys],
  );
  return new Map(rows.map((r) => [r.body, Number(r.n)]));
}

/** Conversations whose stored message count disagrees with their messages: partial writes. */
export async function countMismatches(cluster: Cluster, conversations: string[]): Promise<string[]> {
  const rows = await query<{ id: string; message_count: number; actual: string }>(
    cluster,
    `select c.id, c.message_count, (select count(*) from messages m where m.conversation_id = c.id) as actual
       from conversations c where c.id = any($1)`,
    [conversations],
  );
  return rows
    .filter((r) => Number(r.message_count) !== Number(r.actual))
    .map((r) => `${r.id}: ${r.message_count} ≠ ${r.actual}`);
}
