import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CoreDeps } from '../../deps.js';
import type { Executor } from '../context.js';
import { AppError, invalidRequest } from '../../errors.js';
import { workspaceCaller } from '../../http/caller.js';
import { idempotencyRepository as repo, type IdempotencyRow, type IdempotencyScope } from './idempotency-repository.js';

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export interface CreateResult {
  status: number;
  body: unknown;
}

/** Thrown inside the transaction when another request with the same key won: undo our work. */
class LostRace extends Error {}

/**
 * Idempotency-Key for creates (SPEC §6). With a key, the create and the stored response commit in one
 * transaction, so a repeat either sees the first response or — if it raced — waits for it
 * (PostgreSQL blocks on the key's row; SQLite serialises writers) and rolls its own work back.
 */
export class Idempotency {
  constructor(private readonly core: Pick<CoreDeps, 'db' | 'clock'>) {}

  /** Runs `create` once per key; sends the (first) response. */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    create: (executor: Executor) => Promise<CreateResult>,
  ): Promise<unknown> {
    const result = await this.run(request, create);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    reply.code(result.status);
    return result.body;
  }

  async run(
    request: FastifyRequest,
    create: (executor: Executor) => Promise<CreateResult>,
  ): Promise<CreateResult & { replayed: boolean }> {
    const key = request.headers['idempotency-key'];
    if (key === undefined) {
      // No response to store: the create opens the transaction it needs, or none when one
      // statement does it all (a message on PostgreSQL).
      const result = await create(this.core.db);
      return { ...result, replayed: false };
    }
    if (typeof key !== 'string' || !KEY_SHAPE.test(key)) {
      throw invalidRequest('The Idempotency-Key header must be 1–255 visible ASCII characters.', [
        { path: '/headers/idempotency-key', message: 'must be 1-255 visible ASCII characters' },
      ]);
    }
    const scope = scopeOf(request, key);
    const hash = requestHash(request);
    const now = this.core.clock.now();
    const notBefore = now - IDEMPOTENCY_WINDOW_MS;
    const first = await repo.find(this.core.db, scope, notBefore);
    if (first) return replay(first, hash);
    try {
      return await this.core.db.transaction().execute(async (trx) => {
        const result = await create(trx);
        await repo.deleteExpired(trx, scope.workspaceId, notBefore);
        const row: IdempotencyRow = {
          ...scope,
          requestHash: hash,
          statusCode: result.status,
          responseBody: JSON.stringify(result.body),
          createdAt: now,
        };
        if (!(await repo.insert(trx, row))) throw new LostRace();
        return { ...result, replayed: false };
      });
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      const winner = await repo.find(this.core.db, scope, notBefore);
      if (!winner) throw error;
      return replay(winner, hash);
    }
  }
}

function replay(row: IdempotencyRow, hash: string): CreateResult & { replayed: boolean } {
  if (row.requestHash !== hash) {
    throw new AppError('conflict', 'This Idempotency-Key was already used with a different request.');
  }
  return { status: row.statusCode, body: JSON.parse(row.responseBody) as unknown, replayed: true };
}

function scopeOf(request: FastifyRequest, idempotencyKey: string): IdempotencyScope {
  const { actor, workspaceId } = workspaceCaller(request);
  // A key is replayed only to the credential that sent it, never to another key of the workspace.
  const credential = actor.type === 'api_key' ? `key:${actor.id}` : `user:${actor.id}`;
  return { workspaceId, credential, idempotencyKey };
}

/** Method, path and body in a canonical form: the same request always hashes the same. */
export function requestHash(request: Pick<FastifyRequest, 'method' | 'url' | 'body'>): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJSON(request.body ?? null)}`)
    .digest('hex');
}

export function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJSON((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
