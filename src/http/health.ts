import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Storage } from '../storage/database.js';

export interface HealthDeps {
  storage: Storage;
  version: string;
  /** Reports the Redis connection, or null when the mode has none. */
  redisStatus: () => 'up' | 'down' | null;
}

const HealthBody = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  database: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  redis: Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('none')]),
  version: Type.String(),
});

/**
 * How long /health waits for the database's answer: under the 1 s a load balancer is promised
 * (SPEC §9) whatever the database does — a frozen server is reported down, not waited for.
 */
const PING_TIMEOUT_MS = 700;

/** GET /health: 200 while the database answers, 503 when it does not. */
export async function registerHealth(app: FastifyInstance, deps: HealthDeps): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and dependency status',
        response: { 200: HealthBody, 503: HealthBody },
      },
    },
    async function health(_request, reply) {
      let database: 'up' | 'down' = 'up';
      try {
        await withinTime(deps.storage.ping(), PING_TIMEOUT_MS);
      } catch {
        database = 'down';
      }
      const redisState = deps.redisStatus();
      const redis = redisState ?? 'none';
      const status = database === 'down' ? 'down' : redis === 'down' ? 'degraded' : 'ok';
      return reply.code(database === 'up' ? 200 : 503).send({ status, database, redis, version: deps.version });
    },
  );
}

function withinTime(work: Promise<void>, ms: number): Promise<void> {
  // The ping itself is bounded by the query timeout; nobody awaits it past ours.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database ping timed out')), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
