import pg from 'pg';
import { Client, type Answer } from './http.js';
import type { Report } from './report.js';
import { sleep, type PrivatePostgres, type PrivateRedis } from './services.js';
import type { WoesProcess } from './woes.js';

/** Everything a scenario works with: the services, the three processes, the bootstrap key, the figures. */
export interface Cluster {
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  processes: WoesProcess[];
  env: Record<string, string>;
  workspaceId: string;
  adminKey: { id: string; secret: string };
  dbTimeoutMs: number;
  report: Report;
  soakSeconds: number;
}

const clients = new Map<number, Client>();

/** The client on 127.0.0.n: each scenario role gets its own source address. */
export function clientOn(n: number): Client {
  let client = clients.get(n);
  if (!client) {
    client = new Client(`127.0.0.${n}`);
    clients.set(n, client);
  }
  return client;
}

export function closeClients(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}

export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

/** A fresh API key, made through process 1's API with the workspace's admin key. */
export async function createKey(
  cluster: Cluster,
  name: string,
  scopes: string,
  admin = cluster.adminKey.secret,
): Promise<{ id: string; secret: string }> {
  const answer = await clientOn(4).request(cluster.processes[0].port, 'POST', '/api/v1/keys', {
    headers: bearer(admin),
    body: { name, scopes: scopes.split(',') },
  });
  if (answer.status !== 201) throw new Error(`creating key "${name}" answered ${describe(answer)}`);
  return { id: String(answer.body!.id), secret: String(answer.body!.secret) };
}

/** The suite reads the database directly to check what was stored, not what was answered. */
export async function query<T extends Record<string, unknown>>(
  cluster: Pick<Cluster, 'postgres'>,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.postgres.url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Polls /health on every given process until `accept` holds for all, or the deadline; returns the last answers. */
export async function waitForHealth(
  processes: WoesProcess[],
  accept: (answer: Answer) => boolean,
  timeoutMs: number,
): Promise<{ ok: boolean; ms: number; answers: Answer[] }> {
  const started = Date.now();
  const client = clientOn(250);
  let answers: Answer[] = [];
  for (;;) {
    answers = await Promise.all(processes.map((p) => client.request(p.port, 'GET', '/health', { timeoutMs: 5000 })));
    if (answers.every(accept)) return { ok: true, ms: Date.now() - started, answers };
    if (Date.now() - started > timeoutMs) return { ok: false, ms: Date.now() - started, answers };
    await sleep(50);
  }
}

export function describe(answer: Answer): string {
  return answer.status === 0
    ? `no answer (${answer.error})`
    : `${answer.status}${answer.code ? ` ${answer.code}` : ''}`;
}
