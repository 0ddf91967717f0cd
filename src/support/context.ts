import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import { actorOf } from '../http/principal.js';
import { workspaceOf } from '../http/authenticate.js';
import { AppError } from '../errors.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** Runs `work` in the caller's transaction when there is one, else in a new one. */
export function inTransaction<T>(executor: Executor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return executor.isTransaction ? work(executor as Transaction<Database>) : executor.transaction().execute(work);
}

/** Who wrote a message or made a change: the key or the member behind the request. */
export interface Author {
  type: 'api_key' | 'user';
  id: string;
}

/** What a service needs to know about the caller of one request. */
export interface Caller {
  readonly workspaceId: string;
  readonly author: Author;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export function callerOf(request: FastifyRequest): Caller {
  const principal = request.principal;
  if (!principal) throw new AppError('internal_error', 'route used callerOf without a principal');
  const actor = actorOf(principal);
  const agent = request.headers['user-agent'];
  return {
    workspaceId: workspaceOf(request),
    author: { type: actor.type === 'api_key' ? 'api_key' : 'user', id: actor.id ?? '' },
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent : null,
  };
}

/** The audit fields of a caller (events are written in the same transaction as the change). */
export function auditActor(caller: Caller): { actor: { type: string; id: string }; ip: string | null; userAgent: string | null } {
  return { actor: caller.author, ip: caller.ip, userAgent: caller.userAgent };
}

/** Absent stays absent, null clears: the PATCH convention. */
export function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
