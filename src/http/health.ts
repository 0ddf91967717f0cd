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

/** GET /health: 200 while the database answers, 503 when it does not. */
export async function registerHealth(app: FastifyInstance, deps: HealthDeps): Promise<void> {
  app.get(
    '/health',
    {
      schema: { tags: ['system'], summary: 'Liveness and dependency status', response: { 200: HealthBody, 503: HealthBody } },
    },
    async function health(_request, reply) {
      let database: 'up' | 'down' = 'up';
      try {
        await deps.storage.ping();
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
